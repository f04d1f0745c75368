<?xml version="1.0" encoding="UTF-8"?>
<!-- The apparatus on a document page, from the numbers of the apparatus model (common/apparatus-model.xsl):
     a marker in the text for every entry, and under the text the critical apparatus keyed to lines, the
     textual notes by letter (the explanatory notes by number are in text.xsl); each entry linked both ways.
     In parallel segmentation every reading stands in the text, one witness shown at a time by the switch. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

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
      <p class="witness-switch-label ed" id="{$te:gen}witness-switch-label">{te:t('readingTextOfWitness')}</p>
      <xsl:for-each select="$te:document-witnesses">
        <input type="radio" name="witness" id="{$te:gen}wsel-{position()}" class="wsel" aria-labelledby="{$te:gen}witness-switch-label {$te:gen}wlab-{position()}">
          <xsl:if test="position() = 1"><xsl:attribute name="checked" select="'checked'"/></xsl:if>
        </input>
        <label for="{$te:gen}wsel-{position()}" id="{$te:gen}wlab-{position()}" class="wlab ed">{te:siglum(., $te:root)}</label>
      </xsl:for-each>
      <div class="reading">
        <xsl:sequence select="$content"/>
      </div>
    </div>
  </xsl:template>

  <xsl:variable name="te:root" as="document-node()" select="/"/>

  <!-- The marker of a critical entry in the text. -->
  <xsl:function name="te:app-marker" as="element()">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:variable name="n" as="xs:integer" select="te:number('app', $app)"/>
    <sup class="appref ed"><a id="{$te:gen}appref-{$n}" href="#{$te:gen}app-{$n}" data-entry="{$te:gen}app-{$n}" data-number="{$n}" aria-label="{te:t('variantMarker', map:merge((map:entry('number', $n), map:entry('line', te:line-of($app)))))}">°</a></sup>
  </xsl:function>

  <xsl:template match="tei:app" mode="te:html te:site te:book te:print">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="entry-app" as="element()?" select="()" tunnel="yes"/>
    <xsl:variable name="n" as="xs:integer" select="te:number('app', .)"/>
    <xsl:choose>
      <xsl:when test="$in-apparatus">
        <xsl:apply-templates select="te:base-reading(.)" mode="#current"/>
        <!-- An app inside a reading the text does not show: its marker stands in the entry that prints that reading. -->
        <xsl:if test="te:marker-here(., $in-apparatus, $entry-app)"><xsl:sequence select="te:app-marker(.)"/></xsl:if>
      </xsl:when>
      <xsl:when test="exists(te:readings(.)[self::tei:lem])">
        <span class="app" id="{$te:gen}appt-{$n}"><xsl:apply-templates select="te:base-reading(.)" mode="#current"/></span>
        <xsl:sequence select="te:app-marker(.)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="map:get($te:lines, 'a ' || generate-id()) ! te:line-marker(.)"/>
        <span class="app" id="{$te:gen}appt-{$n}">
          <xsl:for-each select="te:readings(.)">
            <span class="rdg {te:witness-classes(.)}"><xsl:apply-templates mode="#current"/></span>
          </xsl:for-each>
        </span>
        <xsl:sequence select="te:app-marker(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:lem | tei:rdg | tei:rdgGrp" mode="te:html te:site te:book te:print">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>
  <xsl:template match="tei:wit | tei:witDetail" mode="te:html te:site te:book te:print">
    <span class="{local-name()} ed"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <!-- A textual intervention: its own rendering, then its lettered marker (after the link, inside a link). -->
  <xsl:template match="tei:text//*[te:is-textual(.)]" mode="te:html te:site te:book te:print" priority="5">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="entry-app" as="element()?" select="()" tunnel="yes"/>
    <xsl:next-match/>
    <xsl:if test="not($in-link) and te:marker-here(., $in-apparatus, $entry-app)"><xsl:sequence select="te:textual-markers(.)"/></xsl:if>
  </xsl:template>

  <xsl:function name="te:textual-markers" as="element()*">
    <xsl:param name="elements" as="element()*"/>
    <!-- Only interventions of the text are numbered; one in the header (a supplied in sourceDesc) has no entry. -->
    <xsl:for-each select="$elements[te:number('textual', .) gt 0]">
      <xsl:variable name="n" as="xs:integer" select="te:number('textual', .)"/>
      <sup class="tnref ed"><a id="{$te:gen}tnref-{$n}" href="#{$te:gen}tn-{$n}" data-entry="{$te:gen}tn-{$n}" data-number="{$n}" aria-label="{te:t('textualMarker', map:entry('label', te:letters($n)))}">{te:letters($n)}</a></sup>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
