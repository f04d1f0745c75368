<?xml version="1.0" encoding="UTF-8"?>
<!-- The book's own rendering of a document's text (mode te:book), where it differs from the common one:
     one witness of a parallel segmentation (common/one-witness.xsl), and lines that reflow. A reading system
     sets its own measure, so the edition's 64-character lines are not kept: only where each line begins is
     marked, by its number. Everything else is the common rendering (html/text.xsl, html/apparatus.xsl). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all">

  <xsl:template match="text()" mode="te:book" priority="1">
    <xsl:variable name="made" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:sequence select="$made[not(self::br[contains-token(@class, 'lb-auto')])]"/>
  </xsl:template>
</xsl:stylesheet>
