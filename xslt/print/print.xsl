<?xml version="1.0" encoding="UTF-8"?>
<!-- The printed edition's own rendering of a document's text (mode te:print), where it differs from the
     common one: one witness of a parallel segmentation (common/one-witness.xsl), every line of the edition
     kept as a printed line (the common rendering already breaks them), and, where the text has the marker
     of an apparatus entry, the place of that entry at the foot of the page: <te-entry data-entry="ID"/>,
     which the print renderer fills with the entry as the one apparatus renderer prints it. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all">

  <xsl:mode name="te:print-places" on-no-match="shallow-copy" on-multiple-match="fail" warning-on-no-match="false"/>

  <!-- The text for print: rendered in te:print, then each marker replaced by the place of its entry. -->
  <xsl:function name="te:print-places" as="node()*">
    <xsl:param name="rendered" as="node()*"/>
    <xsl:apply-templates select="$rendered" mode="te:print-places"/>
  </xsl:function>

  <!-- A printed edition refers to its text by line, not by the site's paragraph numbers, and its register
       is at the back of the book, not behind a link by each name. -->
  <xsl:template match="sup[contains-token(@class, 'name-link')]" mode="te:print-places"/>
  <xsl:template match="a[contains-token(@class, 'pnum')]" mode="te:print-places"/>
  <!-- The source's own page furniture (running heads, catchwords: fw) is no part of the edition's lines (the
       line model leaves it out); the page break beside it marks the place. -->
  <xsl:template match="span[contains-token(@class, 'fw')]" mode="te:print-places"/>

  <xsl:template match="*[*[@data-entry]][count(*) = 1][not(text()[normalize-space()])]" mode="te:print-places">
    <te-entry data-entry="{*/@data-entry}"/>
  </xsl:template>
</xsl:stylesheet>
