<?xml version="1.0" encoding="UTF-8"?>
<!-- The parameters the build passes to every transformation. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all">
  <!-- Relative path from the page being written to the site root: '' or '../'. -->
  <xsl:param name="root" as="xs:string" select="''"/>
  <!-- Absolute URI of each source file → the path of its page from the site root. -->
  <xsl:param name="links" as="map(*)" select="map{}"/>
  <!-- Absolute URI of each witness (file#id) → its siglum. -->
  <xsl:param name="sigla" as="map(*)" select="map{}"/>
  <!-- Witness keys in the order the edition lists them. -->
  <xsl:param name="witness-order" as="xs:string*" select="()"/>
  <!-- Kind of entity list (listPerson …) → the page of the register its entries join, for the lists a
       document carries in back or standOff (common/registers.xsl); empty: those lists stay in the text. -->
  <xsl:param name="embedded-registers" as="map(*)" select="map{}"/>
</xsl:stylesheet>
