<?xml version="1.0" encoding="UTF-8"?>
<!-- The reading text of a parallel segmentation for outputs that cannot switch witnesses (the book and the
     printed edition): the reading of the first witness the document names, and, where another witness's
     reading holds notes, interventions or variants of its own, only their markers, so that those entries
     still have their place in the text. The site shows every reading behind a witness switch instead. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

  <xsl:template match="tei:app" mode="te:book te:print" priority="1">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <!-- An app with a lemma shows the lemma in every output; in an entry every reading is printed. -->
      <xsl:when test="$in-apparatus or exists(te:readings(.)[self::tei:lem])"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="n" as="xs:integer" select="te:number('app', .)"/>
        <xsl:variable name="first" as="xs:string?" select="$te:document-witnesses[1]"/>
        <xsl:sequence select="map:get($te:lines, 'a ' || generate-id()) ! te:line-marker(.)"/>
        <span class="app" id="{$te:gen}appt-{$n}">
          <xsl:for-each select="te:readings(.)">
            <xsl:variable name="made" as="node()*"><xsl:apply-templates mode="#current"/></xsl:variable>
            <xsl:choose>
              <xsl:when test="$first = te:wit-keys(.)"><span class="rdg w1"><xsl:sequence select="$made"/></span></xsl:when>
              <!-- A marker is the element that carries an entry's id (data-entry), with its superscript. -->
              <xsl:otherwise><xsl:sequence select="$made/descendant-or-self::*[*[@data-entry]][not(ancestor::*[*[@data-entry]])]"/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </span>
        <xsl:sequence select="te:app-marker(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Above the text, which witness it is. -->
  <xsl:function name="te:witness-shown" as="element()?">
    <xsl:sequence select="if ($te:parallel and exists($te:document-witnesses)) then
      te:witness-shown-note(te:siglum($te:document-witnesses[1], $te:root)) else ()"/>
  </xsl:function>
  <xsl:function name="te:witness-shown-note" as="element()">
    <xsl:param name="siglum" as="xs:string"/>
    <p class="witness-shown ed">Reading text of witness {$siglum}. The readings of the other witnesses are in the apparatus.</p>
  </xsl:function>
</xsl:stylesheet>
