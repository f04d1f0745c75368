<?xml version="1.0" encoding="UTF-8"?>
<!-- The text of a TEI document as HTML: structure, names, dates, interventions, note references. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map" xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

  <!-- The id of an element in the page, when it gets one. -->
  <xsl:function name="te:anchor" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:choose>
      <!-- Ids the edition makes take the file's prefix ($te:gen, common/parts.xsl: none unless a source id could be one). -->
      <xsl:when test="$element/self::tei:note[ancestor::tei:text][te:is-textual(.)]">{$te:gen}tn-{te:number('textual', $element)}</xsl:when>
      <xsl:when test="$element/self::tei:note[ancestor::tei:text]">{$te:gen}note-{te:number('note', $element)}</xsl:when>
      <xsl:when test="$element/@xml:id"><xsl:sequence select="te:safe-id($element/@xml:id)"/></xsl:when>
      <xsl:when test="te:is-unit($element)"><xsl:sequence select="te:part-anchor($element)"/></xsl:when>
      <xsl:when test="$element/self::tei:p[ancestor::tei:text]">{$te:gen}p-{te:number('p', $element)}</xsl:when>
      <xsl:when test="$element/self::tei:item or $element/self::tei:l">{$te:gen}{local-name($element)}-{te:number(local-name($element), $element)}</xsl:when>
      <xsl:otherwise>{$te:gen}{local-name($element)}-{te:number('block', $element)}</xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The block a mention is reported in: its paragraph or note, else the nearest element with an id. -->
  <xsl:function name="te:place-of" as="element()?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/ancestor-or-self::*[self::tei:note[ancestor::tei:text] or self::tei:p[ancestor::tei:text][not(ancestor::tei:note)]][1],
      $node/ancestor-or-self::*[te:is-landmark(.)][1])[1]"/>
  </xsl:function>

  <xsl:variable name="te:landmarks" as="xs:string*" select="$behaviours?landmarks"/>
  <xsl:function name="te:is-landmark" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element[ancestor::tei:text][namespace-uri() = 'http://www.tei-c.org/ns/1.0'][local-name() = $te:landmarks])"/>
  </xsl:function>

  <xsl:function name="te:place-label" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:choose>
      <xsl:when test="$block/self::tei:note[te:is-textual(.)]"><xsl:sequence select="te:t('placeNote', map:entry('number', te:letters(te:number('textual', $block))))"/></xsl:when>
      <xsl:when test="$block/self::tei:note"><xsl:sequence select="te:t('placeNote', map:entry('number', te:number('note', $block)))"/></xsl:when>
      <xsl:when test="$block/self::tei:p">¶ {te:number('p', $block)}</xsl:when>
      <!-- Any other block by the word for it (a label "place:NAME": "opener", "Briefanfang"), else its name. -->
      <xsl:otherwise><xsl:sequence select="(for $v in $labels('place:' || local-name($block)) return string($v), lower-case(te:label(local-name($block))))[1]"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ===== structure ===== -->
  <!-- An element in another language: what it becomes says so (lang), whatever template made it; the
       edition's own markers (class "ed") excepted. -->
  <xsl:template match="tei:text//*[@xml:lang]" mode="te:html te:site te:book te:print" priority="10">
    <xsl:variable name="lang" as="xs:string" select="string(@xml:lang)"/>
    <xsl:variable name="made" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:for-each select="$made">
      <xsl:choose>
        <xsl:when test="self::element() and not(@lang) and not(contains-token(@class, 'ed'))">
          <xsl:copy><xsl:sequence select="@*"/><xsl:attribute name="lang" select="$lang"/><xsl:sequence select="node()"/></xsl:copy>
        </xsl:when>
        <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>
  <!-- An element the source renders in a way of its own: what it becomes carries the rendition classes
       (r-italic, r-smallcaps, r-center …, see te:renditions), whatever template made it. -->
  <xsl:template match="tei:text//*[@rend or @rendition or @style]" mode="te:html te:site te:book te:print" priority="9">
    <xsl:variable name="classes" as="xs:string*" select="te:renditions(.) ! ('r-' || .)"/>
    <xsl:variable name="made" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:for-each select="$made">
      <xsl:choose>
        <xsl:when test="self::element() and exists($classes) and not(contains-token(@class, 'ed'))">
          <xsl:copy>
            <xsl:sequence select="@* except @class"/>
            <xsl:attribute name="class" select="string-join((tokenize(@class), $classes), ' ')"/>
            <xsl:sequence select="node()"/>
          </xsl:copy>
        </xsl:when>
        <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="tei:text | tei:group" mode="te:html te:site te:book te:print">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>
  <xsl:template match="*[te:block(.) = 'part']" mode="te:html te:site te:book te:print" priority="0">
    <div class="{local-name()}">
      <xsl:if test="te:is-landmark(.)"><xsl:attribute name="id" select="te:anchor(.)"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </div>
  </xsl:template>

  <xsl:template match="*[te:block(.) = 'section']" mode="te:html te:site te:book te:print" priority="0">
    <section class="div{@type ! (' div-' || te:safe-id(.))}">
      <xsl:if test="@xml:id or te:is-landmark(.)"><xsl:attribute name="id" select="te:anchor(.)"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </section>
  </xsl:template>

  <xsl:template match="*[te:block(.) = 'heading']" mode="te:html te:site te:book te:print" priority="0">
    <xsl:variable name="depth" as="xs:integer" select="min((6, 1 + count(ancestor::*[self::tei:div or starts-with(local-name(), 'div') or self::tei:list or self::tei:lg or self::tei:table or self::tei:floatingText])))"/>
    <xsl:element name="{if (parent::tei:list or parent::tei:table or parent::tei:lg or parent::tei:figure) then 'p' else 'h' || max((2, $depth + 1))}">
      <xsl:attribute name="class" select="'head'"/>
      <xsl:attribute name="id" select="te:anchor(.)"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="*[te:block(.) = 'paragraph']" mode="te:html te:site te:book te:print" priority="0">
    <xsl:variable name="numbered" as="xs:boolean" select="exists(self::tei:p[ancestor::tei:text][not(ancestor::tei:note)])"/>
    <p class="{local-name()}">
      <xsl:if test="$numbered or @xml:id"><xsl:attribute name="id" select="te:anchor(.)"/></xsl:if>
      <xsl:if test="$numbered">
        <a class="pnum ed" href="#{te:anchor(.)}" aria-label="{te:t('paragraphMarker', map:entry('number', te:number('p', .)))}">{te:number('p', .)}</a>
      </xsl:if>
      <xsl:apply-templates mode="#current"/>
    </p>
  </xsl:template>

  <xsl:template match="*[te:block(.) = 'block']" mode="te:html te:site te:book te:print" priority="0">
    <div class="{local-name()}">
      <xsl:if test="@xml:id or te:is-landmark(.) or self::tei:l"><xsl:attribute name="id" select="te:anchor(.)"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </div>
  </xsl:template>

  <xsl:template match="*[te:block(.) = 'inset']" mode="te:html te:site te:book te:print" priority="0">
    <blockquote class="floatingText{@type ! (' ft-' || te:safe-id(.))}">
      <xsl:if test="@xml:id or te:is-landmark(.)"><xsl:attribute name="id" select="te:anchor(.)"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </blockquote>
  </xsl:template>
  <xsl:template match="tei:floatingText/tei:body" mode="te:html te:site te:book te:print" priority="1">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <xsl:template match="*[te:block(.) = 'quotation']" mode="te:html te:site te:book te:print" priority="0">
    <blockquote class="quote"><xsl:apply-templates mode="#current"/></blockquote>
  </xsl:template>

  <xsl:template match="*[te:block(.) = 'list']" mode="te:html te:site te:book te:print" priority="0">
    <xsl:element name="{if (@type = ('ordered', 'numbered') or @rend = 'numbered') then 'ol' else 'ul'}">
      <xsl:attribute name="class" select="'list'"/>
      <xsl:attribute name="id" select="te:anchor(.)"/>
      <xsl:apply-templates select="tei:head" mode="#current"/>
      <xsl:for-each select="* except tei:head">
        <xsl:choose>
          <xsl:when test="self::tei:item"><xsl:apply-templates select="." mode="#current"/></xsl:when>
          <xsl:otherwise><li class="list-other"><xsl:apply-templates select="." mode="#current"/></li></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:list/tei:head" mode="te:html te:site te:book te:print" priority="1">
    <li class="list-head" id="{te:anchor(.)}"><xsl:apply-templates mode="#current"/></li>
  </xsl:template>
  <xsl:template match="*[te:block(.) = 'item']" mode="te:html te:site te:book te:print" priority="0">
    <li id="{te:anchor(.)}"><xsl:apply-templates mode="#current"/></li>
  </xsl:template>

  <xsl:template match="*[te:block(.) = 'table']" mode="te:html te:site te:book te:print" priority="0">
    <table class="table" id="{te:anchor(.)}">
      <xsl:apply-templates select="tei:head" mode="#current"/>
      <tbody><xsl:apply-templates select="* except tei:head" mode="#current"/></tbody>
    </table>
  </xsl:template>
  <xsl:template match="tei:table/tei:head" mode="te:html te:site te:book te:print" priority="1">
    <caption id="{te:anchor(.)}"><xsl:apply-templates mode="#current"/></caption>
  </xsl:template>
  <xsl:template match="*[te:block(.) = 'row']" mode="te:html te:site te:book te:print" priority="0"><tr><xsl:apply-templates mode="#current"/></tr></xsl:template>
  <xsl:template match="*[te:block(.) = 'cell']" mode="te:html te:site te:book te:print" priority="0"><td><xsl:apply-templates mode="#current"/></td></xsl:template>

  <xsl:template match="tei:lb" mode="te:html te:site te:book te:print">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <br/>
    <xsl:variable name="line" as="xs:integer?" select="if ($in-apparatus) then () else map:get($te:lines, 'l ' || generate-id())"/>
    <xsl:if test="exists($line)"><xsl:sequence select="te:line-marker($line)"/></xsl:if>
  </xsl:template>

  <!-- ===== line numbers (common/apparatus-model.xsl decides where lines begin) ===== -->
  <xsl:function name="te:line-marker" as="element()">
    <xsl:param name="line" as="xs:integer"/>
    <span class="ln ed" id="{$te:gen}line-{$line}" data-line="{$line}"><xsl:if test="$line mod 5 = 0">{$line}</xsl:if></span>
  </xsl:function>

  <!-- The line break and number that begin a line just before an element (a gap, a page break, a supplied text),
       when its first word begins a line. -->
  <xsl:function name="te:line-before" as="element()*">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="in-apparatus" as="xs:boolean"/>
    <xsl:variable name="b" as="xs:integer*" select="map:get($te:lines, 'b ' || generate-id($e))"/>
    <xsl:if test="exists($b) and not($in-apparatus)">
      <xsl:if test="$b[2] = 1"><br class="lb-auto"/></xsl:if>
      <xsl:sequence select="te:line-marker($b[1])"/>
    </xsl:if>
  </xsl:function>

  <xsl:template match="text()" mode="te:html te:site te:book te:print">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="breaks" as="xs:integer*" select="if ($in-apparatus) then () else map:get($te:lines, 't ' || generate-id())"/>
    <xsl:choose>
      <xsl:when test="empty($breaks)"><xsl:value-of select="."/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="text" as="xs:string" select="string(.)"/>
        <xsl:variable name="count" as="xs:integer" select="count($breaks) idiv 3"/>
        <xsl:value-of select="substring($text, 1, $breaks[1])"/>
        <xsl:for-each select="1 to $count">
          <xsl:variable name="i" as="xs:integer" select="."/>
          <xsl:if test="$breaks[3 * $i] = 1"><br class="lb-auto"/></xsl:if>
          <xsl:sequence select="te:line-marker($breaks[3 * $i - 1])"/>
          <xsl:variable name="from" as="xs:integer" select="$breaks[3 * $i - 2]"/>
          <xsl:variable name="to" as="xs:integer" select="if ($i lt $count) then $breaks[3 * $i + 1] else string-length($text)"/>
          <xsl:value-of select="substring($text, $from + 1, $to - $from)"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:milestone[@unit = 'paragraph']" mode="te:html te:site te:book te:print">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="$in-apparatus"><span class="para-mark" title="new paragraph">¶</span></xsl:when>
      <xsl:otherwise>
        <br class="para-break"/>
        <xsl:sequence select="map:get($te:lines, 'l ' || generate-id()) ! te:line-marker(.)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:pb" mode="te:html te:site te:book te:print">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:sequence select="te:line-before(., $in-apparatus)"/>
    <xsl:variable name="label" as="xs:string" select="te:added-text(.)"/>
    <xsl:variable name="page" as="xs:string" select="if ($label = '') then '' else substring($label, 2, string-length($label) - 2)"/>
    <span class="pb ed{if ($page = '') then ' pb-unnumbered' else ''}" data-page="{$page}" aria-label="{if ($page = '') then te:t('pageBreak') else te:t('pageNumber', map:entry('page', $page))}">{$label}</span>
  </xsl:template>
  <xsl:template match="tei:cb | tei:milestone | tei:anchor" mode="te:html te:site te:book te:print">
    <xsl:if test="@xml:id"><span id="{te:safe-id(@xml:id)}"/></xsl:if>
    <!-- These are empty in valid TEI; real files sometimes put text in them, which is kept. -->
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- Space the source leaves (often between words an encoder kept apart with elements): a space. -->
  <xsl:template match="tei:space" mode="te:html te:site te:book te:print">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ===== phrases ===== -->
  <xsl:template match="*[te:phrase(.) = 'name']" name="te:name" mode="te:html te:site te:book te:print" priority="0">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="entry-app" as="element()?" select="()" tunnel="yes"/>
    <!-- @ref, else @corresp, @target (a term's, a gloss's) or @key (te:pointers). -->
    <xsl:variable name="href" as="xs:string?" select="te:href(string-join(te:pointers(.), ' '), .)"/>
    <xsl:variable name="class" as="xs:string" select="'name ' || local-name() || (@type ! (' type-' || te:safe-id(.)))"/>
    <xsl:choose>
      <xsl:when test="exists($href) and not($in-link) and not(.//tei:note or .//tei:ref[@target] or .//*[exists(te:pointers(.))] or .//tei:app)">
        <a class="{$class}" href="{$href}">
          <xsl:apply-templates mode="#current"><xsl:with-param name="in-link" select="true()" tunnel="yes"/></xsl:apply-templates>
        </a>
        <xsl:sequence select="te:entry-links(., 2)"/>
        <xsl:sequence select="te:textual-markers(.//*[te:is-textual(.)][te:marker-here(., $in-apparatus, $entry-app)])"/>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class}"><xsl:apply-templates mode="#current"/></span>
        <xsl:if test="not($in-link)"><xsl:sequence select="te:entry-links(., 1)"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Small links to the entries of a name whose words cannot carry them: from the second pointer on for a
       name that points to several entries ("two of our friends") and links its words to the first; all of
       them for a name with a note, a reference or another name inside, which are links of their own. -->
  <xsl:function name="te:entry-links" as="element()*">
    <xsl:param name="name" as="element()"/>
    <xsl:param name="from" as="xs:integer"/>
    <xsl:for-each select="subsequence(te:pointers($name), $from)">
      <xsl:variable name="href" as="xs:string?" select="te:href(., $name)"/>
      <xsl:variable name="target" as="element()?" select="if (starts-with(., '#')) then key('te:id', substring(., 2), root($name))[1] else ()"/>
      <xsl:variable name="label" as="xs:string" select="(($target/(tei:persName | tei:placeName | tei:orgName | tei:objectName | tei:name | tei:title))[1] ! normalize-space(.), .)[1]"/>
      <xsl:if test="exists($href)">
        <sup class="name-link ed"><a href="{$href}" title="{$label}" aria-label="Register: {$label}">↗</a></sup>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <!-- A term that points to its entry in a glossary (@corresp, @target, @ref or @key) is a name of that entry. -->
  <xsl:template match="tei:term[exists(te:pointers(.))]" mode="te:html te:site te:book te:print" priority="0.5">
    <xsl:call-template name="te:name"/>
  </xsl:template>

  <xsl:template match="*[te:phrase(.) = 'link']" mode="te:html te:site te:book te:print" priority="0">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="entry-app" as="element()?" select="()" tunnel="yes"/>
    <xsl:variable name="href" as="xs:string?" select="if (@target) then te:href(@target, .) else ()"/>
    <xsl:choose>
      <!-- A pointer with no words of its own is a small arrow, named for what it leads to; its target is never
           shown as words of the text. One that leads nowhere (a target this edition cannot resolve) is left out,
           and reported (xslt/pointer-left-out, common/diagnostics.xsl). -->
      <xsl:when test="te:is-bare-pointer(.) and exists($href) and not($in-link)">
        <xsl:variable name="label" as="xs:string" select="te:pointer-label(.)"/>
        <a class="ref ptr ed" href="{$href}" title="{$label}" aria-label="{te:t('linkTo', map:entry('target', $label))}">→</a>
      </xsl:when>
      <!-- A reference given only as a canonical reference (@cRef: "LXX:Gn:6:3") or a number (@n) prints it, raised and
           small like a marker, not as text of the witness ("Gn 6,3": te:cref-label in apparatus-model.xsl), so a source apparatus is not lost. -->
      <!-- In a critical entry the lemma and readings are the witnesses' words only: the reference is in the text. -->
      <xsl:when test="te:is-bare-pointer(.) and normalize-space((@cRef, @n)[1]) != '' and not($in-apparatus)">
        <sup class="ref ref-cref" title="{normalize-space((@cRef, @n)[1])}">{if (@cRef) then te:cref-label(@cRef) else normalize-space(@n)}</sup>
      </xsl:when>
      <xsl:when test="te:is-bare-pointer(.)"/>
      <xsl:when test="exists($href) and not($in-link) and not(.//tei:note or .//tei:app)">
        <a class="ref" href="{$href}">
          <xsl:apply-templates mode="#current"><xsl:with-param name="in-link" select="true()" tunnel="yes"/></xsl:apply-templates>
        </a>
        <xsl:sequence select="te:textual-markers(.//*[te:is-textual(.)][te:marker-here(., $in-apparatus, $entry-app)])"/>
      </xsl:when>
      <xsl:otherwise><span class="ref"><xsl:apply-templates mode="#current"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A ref or ptr with no words (nor elements) of its own. -->
  <xsl:function name="te:is-bare-pointer" as="xs:boolean">
    <xsl:param name="link" as="element()"/>
    <xsl:sequence select="empty($link/*) and normalize-space($link) = ''"/>
  </xsl:function>
  <!-- What a bare pointer leads to, in words for its tooltip and accessible name: the heading, label or number of
       an element of the same document, else the pointer itself. -->
  <xsl:function name="te:pointer-label" as="xs:string">
    <xsl:param name="link" as="element()"/>
    <xsl:variable name="first" as="xs:string" select="(tokenize(normalize-space($link/@target), ' ')[1], '')[1]"/>
    <xsl:variable name="target" as="element()?" select="if (starts-with($first, '#')) then key('te:id', substring($first, 2), root($link))[1] else ()"/>
    <xsl:variable name="words" as="xs:string?" select="($target/(tei:head, tei:label, tei:title, tei:persName, tei:placeName, tei:orgName, tei:name)[normalize-space() != ''][1] ! normalize-space(.),
      $target/@n ! (te:label(local-name($target)) || ' ' || .))[1]"/>
    <xsl:sequence select="($words, if (exists($target)) then te:label(local-name($target)) else (), $first)[1]"/>
  </xsl:function>

  <xsl:template match="*[te:phrase(.) = 'date']" mode="te:html te:site te:book te:print" priority="0">
    <xsl:variable name="iso" as="xs:string?" select="(@when, @from, @notBefore)[1]"/>
    <xsl:choose>
      <xsl:when test="exists($iso) and matches($iso, '^\d{4}(-\d{2}(-\d{2})?)?$')">
        <time class="date" datetime="{$iso}">
          <xsl:attribute name="title" select="te:date-range-label($iso, string((@to, @notAfter)[1]))
            || (if (@cert) then ' ' || te:t('certainty', map:entry('cert', string(@cert))) else '')"/>
          <xsl:apply-templates mode="#current"/>
        </time>
      </xsl:when>
      <xsl:otherwise><span class="date"><xsl:apply-templates mode="#current"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="te:html te:site te:book te:print">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="why" as="xs:string" select="string-join((te:t('supplied') || (@reason ! (' (' || translate(., '-', ' ') || ')')),
      (@resp ! te:t('byResp', map:entry('resp', if (starts-with(., '#') and exists(key('te:id', substring(., 2), root(current()))/tei:resp))
        then normalize-space((key('te:id', substring(., 2), root(current()))/tei:resp)[1]) else string(.))))), ' ')"/>
    <xsl:sequence select="te:line-before(., $in-apparatus)"/>
    <span class="supplied" title="{$why}"><span class="br">[</span><xsl:apply-templates mode="#current"/><span class="br">]</span></span>
  </xsl:template>

  <xsl:template match="tei:gap" mode="te:html te:site te:book te:print">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:sequence select="te:line-before(., $in-apparatus)"/>
    <span class="gap">[...]</span>
  </xsl:template>

  <!-- Why a gap is there, in words: what the site's tooltip says; the textual note says it too. -->
  <xsl:function name="te:gap-reason" as="xs:string">
    <xsl:param name="gap" as="element(tei:gap)"/>
    <xsl:variable name="reason" as="xs:string" select="string-join(($gap/@reason ! te:t('omissionReason', map:entry('reason', translate(., '-', ' '))), $gap/tei:desc ! normalize-space(.)), ' ')"/>
    <xsl:sequence select="if ($reason = '') then te:t('omission') else $reason"/>
  </xsl:function>

  <xsl:template match="tei:unclear" mode="te:html te:site te:book te:print">
    <span class="unclear" title="{if (@reason) then te:t('unclearReason', map:entry('reason', string(@reason))) else te:t('unclear')}"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>
  <xsl:template match="*[te:phrase(.) = 'deletion']" mode="te:html te:site te:book te:print" priority="0"><del><xsl:apply-templates mode="#current"/></del></xsl:template>
  <xsl:template match="*[te:phrase(.) = 'addition']" mode="te:html te:site te:book te:print" priority="0"><ins><xsl:apply-templates mode="#current"/></ins></xsl:template>
  <xsl:template match="tei:sic" mode="te:html te:site te:book te:print"><span class="sic"><xsl:apply-templates mode="#current"/></span></xsl:template>
  <!-- A choice shows one of its sides (the source's: sic, orig, abbr); the other is in its textual note. -->
  <xsl:function name="te:choice-shown" as="element()?">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:sequence select="($choice/tei:sic, $choice/tei:orig, $choice/tei:abbr, $choice/*)[1]"/>
  </xsl:function>
  <xsl:template match="tei:choice" mode="te:html te:site te:book te:print">
    <span class="choice"><xsl:apply-templates select="te:choice-shown(.)" mode="#current"/></span>
  </xsl:template>

  <!-- A highlighted phrase as the source renders it (te:renditions): a superscript or subscript as such, italic
       alone as emphasis, bold alone as strong, anything else (small capitals, underline, roman inside italic …)
       as a span; the rendition classes are added by the template below. -->
  <xsl:template match="*[te:phrase(.) = 'highlight']" mode="te:html te:site te:book te:print" priority="0">
    <xsl:variable name="r" as="xs:string*" select="te:renditions(.)"/>
    <xsl:element name="{if ($r = 'sup') then 'sup' else if ($r = 'sub') then 'sub' else if (count($r) = 1 and $r = 'italic') then 'em'
      else if (count($r) = 1 and $r = 'bold') then 'strong' else if (empty($r)) then 'em' else 'span'}">
      <xsl:attribute name="class" select="'hi'"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="*[te:phrase(.) = 'emphasis']" mode="te:html te:site te:book te:print" priority="0">
    <em class="{local-name()}"><xsl:apply-templates mode="#current"/></em>
  </xsl:template>
  <xsl:template match="*[te:phrase(.) = 'foreign']" mode="te:html te:site te:book te:print" priority="0">
    <i class="foreign">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </i>
  </xsl:template>
  <xsl:template match="*[te:phrase(.) = 'title']" mode="te:html te:site te:book te:print" priority="0">
    <cite class="title"><xsl:apply-templates mode="#current"/></cite>
  </xsl:template>
  <xsl:template match="*[te:phrase(.) = 'element-name']" mode="te:html te:site te:book te:print" priority="0"><code class="gi">&lt;<xsl:apply-templates mode="#current"/>&gt;</code></xsl:template>
  <xsl:template match="*[te:phrase(.) = 'attribute-name']" mode="te:html te:site te:book te:print" priority="0"><code class="att">@<xsl:apply-templates mode="#current"/></code></xsl:template>
  <xsl:template match="*[te:phrase(.) = 'code']" mode="te:html te:site te:book te:print" priority="0"><code class="{local-name()}"><xsl:apply-templates mode="#current"/></code></xsl:template>

  <xsl:template match="*[te:block(.) = 'figure']" mode="te:html te:site te:book te:print" priority="0">
    <figure class="figure"><xsl:apply-templates mode="#current"/></figure>
  </xsl:template>
  <xsl:template match="*[te:phrase(.) = 'caption']" mode="te:html te:site te:book te:print" priority="0"><figcaption><xsl:apply-templates mode="#current"/></figcaption></xsl:template>
  <xsl:template match="tei:graphic | tei:media" mode="te:html te:site te:book te:print"/>

  <!-- Identifiers in the header say what they identify. -->
  <xsl:template match="tei:teiHeader//tei:idno[@type]" mode="te:html te:site te:book te:print">
    <span class="idno"><span class="idno-type ed">{te:label(translate(@type, '-_', '  '))}: </span><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

  <!-- Anything else keeps its text, in a span named after the element. -->
  <xsl:template match="*" mode="te:html te:site te:book te:print" priority="-1">
    <span class="tei-{te:safe-id(local-name())}">
      <xsl:if test="@xml:id or te:is-landmark(.)"><xsl:attribute name="id" select="te:anchor(.)"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>
  <!-- Lists (and divisions of them) that became registers (common/registers.xsl) are shown on the register
       pages, not here; nor is a front or back made only of them. In the header (the metadata panel) each says
       in one line how many entries it holds and links to its register. -->
  <xsl:template match="*[exists($te:register-parts)][exists(. intersect $te:register-parts)]" mode="te:html te:site te:book te:print" priority="2">
    <xsl:if test="exists(ancestor::tei:teiHeader)"><xsl:sequence select="te:register-lines(.)"/></xsl:if>
  </xsl:template>
  <xsl:template match="*[self::tei:back or self::tei:front][*][exists($te:register-parts)][every $c in * satisfies (exists($c intersect $te:register-parts) or te:is-tei($c, $te:list-milestones))]" mode="te:html te:site te:book te:print" priority="2"/>
  <!-- Parts of the text that are not text. -->
  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff" mode="te:html te:site te:book te:print"/>
  <!-- Metadata a text carries (events, relations, coordinates, identifiers, entity lists that are not registers):
       never reading text, so left out of it; common/diagnostics.xsl reports them (xslt/metadata-left-out). -->
  <xsl:variable name="te:metadata-anywhere" as="xs:string*" select="$behaviours?metadata?anywhere"/>
  <xsl:variable name="te:metadata-outside-paragraphs" as="xs:string*" select="$behaviours?metadata?outsideParagraphs"/>
  <xsl:function name="te:is-metadata" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="(local-name($element) = ($te:metadata-anywhere, $te:metadata-outside-paragraphs))
      and namespace-uri($element) = 'http://www.tei-c.org/ns/1.0' and exists($element/ancestor::tei:text)
      and (local-name($element) = $te:metadata-anywhere
        or (empty($element/ancestor::*[te:block(.) = ('paragraph', 'heading', 'item', 'cell', 'block', 'quotation', 'figure') or self::tei:note
            or self::tei:bibl or self::tei:biblStruct or self::tei:quote or self::tei:cit])
          and not(local-name($element) = 'listBibl' and empty($element/ancestor::tei:back))))
      and not(te:in-register-list($element))"/>
  </xsl:function>
  <xsl:template match="tei:text//*[te:is-metadata(.)]" mode="te:site te:book te:print te:html" priority="20"/>

  <!-- Elements of other namespaces (XHTML, SVG, MathML …) are not TEI text: scripts, styles, players and
       drawings are left out whole; an XHTML phrase of plain text keeps its text; an element that holds TEI
       (a project's own wrapper) lets its TEI through; anything else is left out. Reported by
       common/diagnostics.xsl (xslt/unknown-element). -->
  <xsl:function name="te:foreign-treatment" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if (local-name($element) = $behaviours?foreign?never) then 'dropped'
      else if (exists($element/descendant::*[namespace-uri() = 'http://www.tei-c.org/ns/1.0'])) then 'transparent'
      else if (namespace-uri($element) = 'http://www.w3.org/1999/xhtml' and local-name($element) = $behaviours?foreign?xhtmlPhrases
        and empty($element/*) and empty($element/ancestor::*[namespace-uri() != 'http://www.tei-c.org/ns/1.0'][local-name() = $behaviours?foreign?never])) then 'text'
      else 'dropped'"/>
  </xsl:function>
  <xsl:template match="tei:text//*[namespace-uri() != 'http://www.tei-c.org/ns/1.0']" mode="te:site te:book te:print te:html" priority="20">
    <xsl:choose>
      <xsl:when test="te:foreign-treatment(.) = 'transparent'">
        <span class="foreign-{te:safe-id(local-name())}"><xsl:apply-templates mode="#current"/></span>
      </xsl:when>
      <xsl:when test="te:foreign-treatment(.) = 'text'">
        <span class="xhtml-{te:safe-id(local-name())}">{string(.)}</span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
  <!-- Running heads, catchwords and signatures: kept, but set apart from the text. -->
  <xsl:template match="tei:fw" mode="te:html te:site te:book te:print">
    <span class="fw ed">{normalize-space(.)}</span>
  </xsl:template>

  <!-- ===== notes ===== -->
  <xsl:template match="tei:text//tei:note" mode="te:html te:site te:book te:print">
    <xsl:param name="in-apparatus" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="entry-app" as="element()?" select="()" tunnel="yes"/>
    <xsl:variable name="n" as="xs:integer" select="te:number('note', .)"/>
    <!-- A textual note (note type="textual") has the lettered marker of the textual series (html/apparatus.xsl). -->
    <xsl:if test="not(te:is-textual(.)) and te:marker-here(., $in-apparatus, $entry-app)"><sup class="noteref ed"><a id="{$te:gen}noteref-{$n}" href="#{$te:gen}note-{$n}" role="doc-noteref" data-entry="{$te:gen}note-{$n}" data-number="{$n}" aria-label="{te:t('noteMarker', map:entry('number', $n))}">{$n}</a></sup></xsl:if>
  </xsl:template>

</xsl:stylesheet>
