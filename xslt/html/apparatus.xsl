<?xml version="1.0" encoding="UTF-8"?>
<!-- Variant readings: a lemma in the text with a lettered apparatus entry, or, in parallel segmentation,
     every reading in the text (one witness shown at a time by the witness switch) and all readings in the
     apparatus with their sigla. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

  <!-- The witnesses read in this document, in the edition's order, then in order of first use. -->
  <xsl:variable name="te:document-witnesses" as="xs:string*">
    <xsl:variable name="used" as="xs:string*" select="distinct-values(/*/tei:text//tei:app[not(.//tei:lem)]//tei:rdg/te:wit-keys(.))"/>
    <xsl:sequence select="($witness-order[. = $used], $used[not(. = $witness-order)])"/>
  </xsl:variable>

  <xsl:variable name="te:parallel" as="xs:boolean" select="exists(/*/tei:text//tei:app[not(.//tei:lem)][.//tei:rdg/@wit])"/>

  <xsl:function name="te:witness-classes" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:variable name="keys" as="xs:string*" select="te:wit-keys($reading)"/>
    <xsl:sequence select="string-join(for $i in 1 to count($te:document-witnesses) return (if ($te:document-witnesses[$i] = $keys) then 'w' || $i else ()), ' ')"/>
  </xsl:function>

  <!-- The witness switch and the reading text it governs. -->
  <xsl:template name="te:witness-reading" as="element()">
    <xsl:param name="content" as="node()*"/>
    <div class="witness-reading">
      <p class="witness-switch-label ed" id="witness-switch-label">Reading text of witness</p>
      <xsl:for-each select="$te:document-witnesses">
        <input type="radio" name="witness" id="wsel-{position()}" class="wsel" aria-labelledby="witness-switch-label wlab-{position()}">
          <xsl:if test="position() = 1"><xsl:attribute name="checked" select="'checked'"/></xsl:if>
        </input>
        <label for="wsel-{position()}" id="wlab-{position()}" class="wlab ed">{te:siglum(., $te:root)}</label>
      </xsl:for-each>
      <div class="reading">
        <xsl:sequence select="$content"/>
      </div>
    </div>
  </xsl:template>

  <xsl:variable name="te:root" as="document-node()" select="/"/>

  <xsl:template match="tei:app" mode="te:html">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="n" as="xs:integer" select="te:number('app', .)"/>
    <xsl:choose>
      <xsl:when test="$in-apparatus">
        <xsl:apply-templates select="(.//tei:lem, .//tei:rdg)[1]" mode="#current"/>
      </xsl:when>
      <xsl:when test=".//tei:lem">
        <span class="app" id="appt-{$n}"><xsl:apply-templates select="(.//tei:lem)[1]" mode="#current"/></span>
        <sup class="appref ed"><a id="appref-{$n}" href="#app-{$n}" aria-label="Variant {te:letters($n)}">{te:letters($n)}</a></sup>
      </xsl:when>
      <xsl:otherwise>
        <span class="app" id="appt-{$n}">
          <xsl:for-each select=".//tei:rdg[ancestor::tei:app[1] is current()]">
            <span class="rdg {te:witness-classes(.)}"><xsl:apply-templates mode="#current"/></span>
          </xsl:for-each>
        </span>
        <sup class="appref ed"><a id="appref-{$n}" href="#app-{$n}" aria-label="Variant {te:letters($n)}">{te:letters($n)}</a></sup>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:lem | tei:rdg | tei:rdgGrp" mode="te:html">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>
  <xsl:template match="tei:wit | tei:witDetail" mode="te:html">
    <span class="{local-name()} ed"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <xsl:template match="tei:text//tei:app" mode="te:apparatus">
    <xsl:variable name="n" as="xs:integer" select="te:number('app', .)"/>
    <li id="app-{$n}" class="app-entry" tabindex="-1">
      <a class="app-num ed" href="#appref-{$n}" aria-label="Back to variant {te:letters($n)} in the text">{te:letters($n)}</a>
      <xsl:text> </xsl:text>
      <xsl:for-each select=".//(tei:lem | tei:rdg)[ancestor::tei:app[1] is current()]">
        <xsl:if test="position() gt 1"><span class="sep" aria-hidden="true"> | </span></xsl:if>
        <span class="app-reading{if (self::tei:lem) then ' lem' else ''}">
          <xsl:choose>
            <xsl:when test="normalize-space(.) = '' and not(*)"><em class="om">om.</em></xsl:when>
            <xsl:when test="normalize-space(.) = '' and (every $c in * satisfies $c/self::tei:milestone[@unit = 'paragraph'])"><em class="om">¶ new paragraph</em></xsl:when>
            <xsl:when test="normalize-space(.) = ''"><em class="om">{string-join(distinct-values(*/lower-case(te:label(local-name()))), ', ')}</em></xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates mode="te:html"><xsl:with-param name="in-apparatus" select="true()" tunnel="yes"/></xsl:apply-templates>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="self::tei:lem"><span class="bracket">]</span></xsl:if>
        </span>
        <xsl:text> </xsl:text>
        <span class="sigla">{string-join(tokenize(normalize-space(@wit), ' ') ! te:siglum(., current()), ' ')}</span>
      </xsl:for-each>
    </li>
    <xsl:apply-templates mode="#current"/>
  </xsl:template>
</xsl:stylesheet>
