<?xml version="1.0" encoding="UTF-8"?>
<!-- The site's own rendering of a document's text (mode te:site), where it differs from the common one:
     a gap and a choice can be focused and show, in a tooltip, why the text is missing and what the other side
     of the choice reads. Everything else is the common rendering (html/text.xsl, html/apparatus.xsl). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

  <xsl:template match="tei:gap" mode="te:site" priority="2">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:sequence select="te:line-before(., $in-apparatus)"/>
    <span class="gap" tabindex="0" aria-describedby="{$te:gen}gap-{te:number('gap', .)}">[...]<span class="tip ed" role="tooltip" id="{$te:gen}gap-{te:number('gap', .)}">{te:gap-reason(.)}</span></span>
  </xsl:template>

  <xsl:template match="tei:choice" mode="te:site" priority="2">
    <xsl:variable name="shown" as="element()?" select="te:choice-shown(.)"/>
    <span class="choice" tabindex="0">
      <xsl:apply-templates select="$shown" mode="#current"/>
      <span class="tip ed" role="tooltip">
        <xsl:for-each select="* except $shown">
          <span class="alt">{te:term(local-name())}: <xsl:apply-templates mode="#current"/></span>
        </xsl:for-each>
      </span>
    </span>
  </xsl:template>
</xsl:stylesheet>
