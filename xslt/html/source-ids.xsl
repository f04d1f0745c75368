<?xml version="1.0" encoding="UTF-8"?>
<!-- The source's ids are kept: every element of the text with an xml:id carries it, as id, where it is
     rendered, whatever template renders it (a page break, a name, a term, a cell …), so that a link to it
     from anywhere (another part of the volume, an index, another file) finds it. What renders an element
     with an id already (a division, a paragraph, a heading) is left as it is. A note's and an app's id is
     given to its entry in the notes or the apparatus (src/render/apparatus/render-entries.ts); an element
     rendered both in the text and in an entry (a reading every witness view shows) carries it in the text
     only; an entry of a register carries its id on the register's page. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

  <xsl:template match="tei:text//*[@xml:id][not(self::tei:note or self::tei:app)]" mode="te:html te:site te:book te:print" priority="11">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="made" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:variable name="id" as="xs:string" select="te:safe-id(@xml:id)"/>
    <!-- The element that stands for it: the first made, line markers and breaks before it aside. -->
    <xsl:variable name="host" as="element()?" select="$made[self::element()][not(self::br or contains-token(@class, 'ln'))][1]"/>
    <xsl:choose>
      <xsl:when test="empty($made) or exists($made/descendant-or-self::*[@id = $id]) or ($in-apparatus and te:rendered-in-text(.)) or te:in-register-list(.)">
        <xsl:sequence select="$made"/>
      </xsl:when>
      <xsl:when test="exists($host) and empty($host/@id)">
        <xsl:for-each select="$made">
          <xsl:choose>
            <xsl:when test=". is $host"><xsl:copy><xsl:attribute name="id" select="$id"/><xsl:sequence select="@*, node()"/></xsl:copy></xsl:when>
            <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <span id="{$id}"/>
        <xsl:sequence select="$made"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
