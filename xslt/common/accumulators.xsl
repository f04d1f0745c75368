<?xml version="1.0" encoding="UTF-8"?>
<!-- Running numbers for notes, paragraphs and apparatus entries (linear, unlike preceding:: counts). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all">
  <xsl:accumulator name="te:note-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:text//tei:note" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:accumulator name="te:paragraph-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:text//tei:p[not(ancestor::tei:note)]" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:accumulator name="te:app-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:text//tei:app" select="$value + 1"/>
  </xsl:accumulator>
  <xsl:accumulator name="te:gap-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:text//tei:gap" select="$value + 1"/>
  </xsl:accumulator>
  <!-- Blocks that get an id even without xml:id, so that a mention inside them can be linked to. -->
  <xsl:accumulator name="te:block-number" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:text//(tei:opener | tei:closer | tei:head | tei:lg | tei:postscript | tei:trailer | tei:byline
      | tei:epigraph | tei:argument | tei:floatingText | tei:list | tei:table | tei:sp | tei:div | tei:div1 | tei:div2 | tei:div3
      | tei:div4 | tei:div5 | tei:div6 | tei:front | tei:back)" select="$value + 1"/>
  </xsl:accumulator>
</xsl:stylesheet>
