<?xml version="1.0" encoding="UTF-8"?>
<!-- The metadata panel of a document, from its header; the front matter of the edition. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

  <xsl:template name="te:metadata-panel" as="element()*">
    <xsl:variable name="header" as="element(tei:teiHeader)?" select="$te:header"/>
    <dl class="metadata">
      <xsl:apply-templates select="$header/tei:profileDesc/tei:correspDesc/tei:correspAction" mode="te:header"/>
      <xsl:for-each select="$header/tei:fileDesc/tei:sourceDesc[normalize-space()]">
        <dt>{te:t('source')}</dt>
        <dd class="source"><xsl:apply-templates mode="te:html"/></dd>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/(tei:respStmt | tei:editor | tei:author)">
        <dt>{if (self::tei:respStmt) then string-join(tei:resp ! normalize-space(.), '; ') else te:term(local-name())}</dt>
        <dd><xsl:apply-templates select="if (self::tei:respStmt) then (* except tei:resp) else node()" mode="te:html"/></dd>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:fileDesc/tei:publicationStmt/tei:availability">
        <dt>{te:t('licenceAndRights')}</dt>
        <dd class="licence">
          <xsl:for-each select="tei:licence">
            <p>
              <xsl:apply-templates mode="te:html"/>
              <xsl:variable name="href" as="xs:string?" select="if (@target) then te:href(@target, .) else ()"/>
              <xsl:if test="exists($href)"><xsl:text> </xsl:text><a class="licence-link" rel="license" href="{$href}">{$href}</a></xsl:if>
            </p>
          </xsl:for-each>
          <xsl:apply-templates select="* except tei:licence" mode="te:html"/>
        </dd>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:profileDesc/tei:textClass/tei:keywords[tei:term]">
        <dt>{te:t('keywords')}</dt>
        <dd>{string-join(tei:term ! normalize-space(.), '; ')}</dd>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:profileDesc/tei:langUsage/tei:language">
        <dt>{te:t('language')}</dt>
        <dd><xsl:apply-templates mode="te:html"/></dd>
      </xsl:for-each>
      <!-- Lists of the header that became registers outside the source description (a play's cast in particDesc,
           places in settingDesc): one line each, the entries are on the register pages (common/registers.xsl). -->
      <xsl:variable name="registers" as="element()*" select="$te:register-parts[ancestor::tei:teiHeader][empty(ancestor::tei:sourceDesc)]"/>
      <xsl:if test="exists($registers)">
        <dt>{te:t('registers')}</dt>
        <dd class="registers"><xsl:sequence select="$registers ! te:register-lines(.)"/></dd>
      </xsl:if>
    </dl>
  </xsl:template>

  <xsl:template match="tei:correspAction" mode="te:header">
    <dt>{te:term(if (@type) then string(@type) else 'action')}</dt>
    <dd class="correspAction">
      <xsl:for-each select="tei:persName | tei:orgName | tei:name">
        <xsl:if test="position() gt 1">{if (position() = last()) then ' and ' else ', '}</xsl:if>
        <xsl:apply-templates select="." mode="te:html"/>
      </xsl:for-each>
      <xsl:for-each select="tei:placeName"><xsl:text>, </xsl:text><xsl:apply-templates select="." mode="te:html"/></xsl:for-each>
      <xsl:for-each select="tei:date"><xsl:text>, </xsl:text><xsl:apply-templates select="." mode="te:html"/></xsl:for-each>
    </dd>
  </xsl:template>

  <!-- The editorial principles, one section per part of editorialDecl. -->
  <xsl:template name="te:principles" as="element()*">
    <xsl:for-each select="$te:header/tei:encodingDesc/tei:editorialDecl">
      <xsl:apply-templates select="tei:p" mode="te:html"/>
      <xsl:for-each select="* except tei:p">
        <section class="principle principle-{local-name()}">
          <h3>{te:term(local-name())}</h3>
          <xsl:apply-templates select="if (*) then node() else ." mode="te:html"/>
        </section>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
