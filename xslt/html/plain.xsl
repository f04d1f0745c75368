<?xml version="1.0" encoding="UTF-8"?>
<!-- Plain text for the search index: blocks separated by spaces, notes in their own units. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all">
  <xsl:template match="tei:note" mode="te:plain"/>
  <xsl:template match="tei:space" mode="te:plain"><xsl:sequence select="' '"/></xsl:template>
  <xsl:template match="tei:text//tei:note" mode="te:plain" priority="1"/>
  <xsl:template match="tei:p | tei:ab | tei:head | tei:l | tei:item | tei:lb | tei:milestone | tei:rdg | tei:lem | tei:opener | tei:closer
                       | tei:salute | tei:signed | tei:dateline | tei:addrLine | tei:cell" mode="te:plain">
    <xsl:sequence select="' '"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:sequence select="' '"/>
  </xsl:template>
</xsl:stylesheet>
