<?xml version="1.0" encoding="UTF-8"?>
<!-- Every mode of the HTML transformation, declared once. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all">
  <!-- The text of a document as HTML; unknown elements keep their text (see html/fallback.xsl). -->
  <xsl:mode name="te:html" on-no-match="text-only-copy" on-multiple-match="fail" warning-on-no-match="false"/>
  <!-- The text of a document for one output: every template of te:html applies in each (they are declared
       for all four), and an output's stylesheet overrides what it must show otherwise: the site
       (xslt/html/site.xsl: the witness switch's readings, tooltips), the book (xslt/epub/book.xsl: one
       witness, page breaks, reflowing lines), the printed edition (xslt/print/print.xsl: one witness, the
       places of foot-of-page entries). te:html itself is the output-neutral rendering of notes, front
       matter, register entries and readings. -->
  <xsl:mode name="te:site" on-no-match="text-only-copy" on-multiple-match="fail" warning-on-no-match="false"/>
  <xsl:mode name="te:book" on-no-match="text-only-copy" on-multiple-match="fail" warning-on-no-match="false"/>
  <xsl:mode name="te:print" on-no-match="text-only-copy" on-multiple-match="fail" warning-on-no-match="false"/>
  <!-- Plain reading text, for the search index: notes and the header left out. -->
  <xsl:mode name="te:plain" on-no-match="text-only-copy" on-multiple-match="fail" warning-on-no-match="false"/>
  <!-- The metadata panel built from the header. -->
  <xsl:mode name="te:header" on-no-match="shallow-skip" on-multiple-match="fail" warning-on-no-match="false"/>
</xsl:stylesheet>
