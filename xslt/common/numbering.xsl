<?xml version="1.0" encoding="UTF-8"?>
<!-- Running numbers for notes, paragraphs, apparatus entries, gaps and landmark blocks, computed in one
     pass over the document into a map (SaxonJS re-evaluates accumulators per call, which was quadratic on
     a 500 kB play; preceding:: counts are quadratic too). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all">

  <xsl:variable name="te:numbers" as="map(xs:string, xs:integer)">
    <xsl:variable name="text" as="element()*" select="/*/tei:text"/>
    <!-- Lists (and divisions of them) that became registers (common/registers.xsl) are not on the page: nothing in them is counted. -->
    <xsl:variable name="skip" as="element()*" select="$te:register-parts"/>
    <xsl:map>
      <!-- Numbers run per scope: the whole text, or each part of a file cut into documents (common/parts.xsl). -->
      <xsl:for-each select="te:scopes($text)">
        <xsl:variable name="nodes" as="node()*" select="te:scope-nodes(.)"/>
        <xsl:for-each select="$nodes/self::tei:note[not(te:is-textual(.))] except $skip//tei:note"><xsl:map-entry key="'note ' || generate-id()" select="position()"/></xsl:for-each>
        <xsl:for-each select="$nodes/self::tei:p[not(ancestor::tei:note)] except $skip//tei:p"><xsl:map-entry key="'p ' || generate-id()" select="position()"/></xsl:for-each>
        <xsl:for-each select="$nodes/self::tei:app except $skip//tei:app"><xsl:map-entry key="'app ' || generate-id()" select="position()"/></xsl:for-each>
        <xsl:for-each select="$nodes/self::tei:gap except $skip//tei:gap"><xsl:map-entry key="'gap ' || generate-id()" select="position()"/></xsl:for-each>
        <xsl:for-each select="$nodes/self::*[te:is-textual(.)] except $skip//*"><xsl:map-entry key="'textual ' || generate-id()" select="position()"/></xsl:for-each>
        <xsl:for-each select="$nodes/(self::tei:opener | self::tei:closer | self::tei:head | self::tei:lg | self::tei:postscript | self::tei:trailer | self::tei:byline
          | self::tei:epigraph | self::tei:argument | self::tei:floatingText | self::tei:list | self::tei:table | self::tei:sp | self::tei:div | self::tei:div1 | self::tei:div2 | self::tei:div3
          | self::tei:div4 | self::tei:div5 | self::tei:div6 | self::tei:front | self::tei:back) except $skip/descendant-or-self::*"><xsl:map-entry key="'block ' || generate-id()" select="position()"/></xsl:for-each>
        <!-- Items and verse lines: what the search index finds, each with an id of its own (te:anchor). -->
        <xsl:for-each select="$nodes/self::tei:item except $skip//tei:item"><xsl:map-entry key="'item ' || generate-id()" select="position()"/></xsl:for-each>
        <xsl:for-each select="$nodes/self::tei:l except $skip//tei:l"><xsl:map-entry key="'l ' || generate-id()" select="position()"/></xsl:for-each>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <!-- The number of $node among the nodes of $kind (note, p, app, gap, textual, block) in the text; 0 if it is not one. -->
  <xsl:function name="te:number" as="xs:integer">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="(map:get($te:numbers, $kind || ' ' || generate-id($node)), 0)[1]"/>
  </xsl:function>
</xsl:stylesheet>
