<?xml version="1.0" encoding="UTF-8"?>
<!-- A file cut into documents (common/parts.xsl): one result per part, all from the one run over the file.
     page.xsl's own result then carries what belongs to the file once (its title, header, front matter,
     register entries, witnesses) and, under "parts", the volume's page and each document and division of
     the front and back, each with what page.xsl gives a document (title, date, the text for each output,
     mentions, search units, dates, the apparatus model) and the ids of the source it renders ("ids"), by
     which every output sends a link to the page that holds its target. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

  <!-- The text the parts are cut from ($te:text in page.xsl is empty when the file is cut: the file's own
       result renders no text, its parts do). -->
  <xsl:variable name="te:volume-text" as="element()?" select="$te:tei/tei:text[1]"/>

  <!-- Every part of the file: the volume's page first, then the parts in document order; empty when the file is
       one document. -->
  <xsl:function name="te:parts" as="array(*)">
    <xsl:if test="$te:splitting">
      <xsl:call-template name="te:report-unknown-elements">
        <xsl:with-param name="elements" select="$te:volume-text//* except $te:in-registers"/>
      </xsl:call-template>
      <xsl:for-each select="$te:document-roots">
        <xsl:variable name="missing" as="xs:string*" select="(if (@xml:id) then () else 'an @xml:id (its page is named after its place, ' || te:part-anchor(.) || ', which changes when documents are added)',
          if (te:part-title(.) != '') then () else 'a head (its title)',
          if (exists(te:part-date(.))) then () else 'a date with @when in its dateline, opener or docDate (it is listed as undated)')"/>
        <xsl:if test="exists($missing)">
          <xsl:call-template name="te:report">
            <xsl:with-param name="rule" select="'xslt/document-incomplete'"/>
            <xsl:with-param name="node" select="."/>
            <xsl:with-param name="message" select="'document ' || (normalize-space(@n)[. != ''], index-of($te:document-roots ! generate-id(.), generate-id(.)))[1] || ' of the file lacks ' || string-join($missing, '; ')"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
    <xsl:sequence select="if (not($te:splitting)) then array{} else array{ te:part($te:volume-text), $te:units ! te:part(.) }"/>
  </xsl:function>

  <!-- The title of a part: the words of its first head, notes left out. -->
  <xsl:function name="te:part-title" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:sequence select="normalize-space(string-join(te:plain-of($root/tei:head[1]/node()), ''))"/>
  </xsl:function>

  <!-- The date of a document of a volume: its docDate, else the date of its dateline, else of its opener, with
       @when, @from or @notBefore; never one in a note, a register or an entity (as te:document-date). -->
  <xsl:function name="te:part-date" as="element()?">
    <xsl:param name="root" as="element()"/>
    <xsl:sequence select="($root//tei:docDate, $root//tei:dateline//tei:date, $root//tei:opener//tei:date)[(@when, @from, @notBefore)]
      [empty(ancestor::tei:note)][not(ancestor-or-self::*[local-name() = $te:not-document-dates])][1]"/>
  </xsl:function>

  <!-- What a part is: 'volume' (the volume's own page), 'document', 'front' or 'back' (a division of either). -->
  <xsl:function name="te:part-kind" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:sequence select="if (not(te:is-unit($root))) then 'volume' else if (te:matches-document($root)) then 'document'
      else (local-name($root/ancestor::*[self::tei:front or self::tei:back][1]), 'document')[1]"/>
  </xsl:function>

  <!-- The source's ids a part renders: every xml:id in it (but in registers and metadata, which are not on the
       page), the breaks that open it, and its own anchor. -->
  <xsl:function name="te:part-ids" as="xs:string*">
    <xsl:param name="root" as="element()"/>
    <xsl:param name="elements" as="element()*"/>
    <xsl:variable name="own" as="element()*" select="($elements[@xml:id] except $te:in-registers)[not(ancestor-or-self::*[te:is-metadata(.)])]
      [not(map:contains($te:attached, generate-id(.)))]"/>
    <xsl:sequence select="distinct-values((if (te:is-unit($root)) then (te:part-anchor($root), te:attached-to($root) ! te:safe-id(@xml:id))
      else te:register-piece-breaks($te:register-pieces) ! te:safe-id(@xml:id), $own ! te:safe-id(@xml:id)))"/>
  </xsl:function>

  <!-- One part, with the fields page.xsl gives a document; the build adds what belongs to the whole file. -->
  <xsl:function name="te:part" as="map(*)">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="kind" as="xs:string" select="te:part-kind($root)"/>
    <xsl:variable name="volume" as="xs:boolean" select="$kind = 'volume'"/>
    <xsl:variable name="rendering" as="xs:string" select="if ($volume) then '' else generate-id($root)"/>
    <!-- The elements of the part, registers left out. -->
    <xsl:variable name="elements" as="element()*" select="(if ($volume) then $te:loose/self::* else $root/descendant-or-self::*) except $te:in-registers"/>
    <xsl:variable name="title" as="xs:string" select="if ($volume) then string($te:title ! normalize-space(.)) else te:part-title($root)"/>
    <xsl:variable name="date" as="element()?" select="if ($kind = 'document') then te:part-date($root) else ()"/>
    <xsl:variable name="text-html" as="node()*">
      <xsl:apply-templates select="$root" mode="te:site"><xsl:with-param name="te:rendering" select="$rendering" tunnel="yes"/></xsl:apply-templates>
    </xsl:variable>
    <xsl:variable name="book-html" as="node()*">
      <xsl:if test="$outputs = 'epub'">
        <xsl:sequence select="te:witness-shown()"/>
        <xsl:apply-templates select="$root" mode="te:book"><xsl:with-param name="te:rendering" select="$rendering" tunnel="yes"/></xsl:apply-templates>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="print-html" as="node()*">
      <xsl:if test="$outputs = 'print'">
        <xsl:variable name="rendered" as="node()*">
          <xsl:apply-templates select="$root" mode="te:print"><xsl:with-param name="te:rendering" select="$rendering" tunnel="yes"/></xsl:apply-templates>
        </xsl:variable>
        <xsl:sequence select="te:witness-shown(), te:print-places($rendered)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:sequence select="map{
      'kind': $kind,
      'title': $title,
      'series': string($te:title ! normalize-space(.)),
      'lang': string((($root/ancestor-or-self::*/@xml:lang)[last()] ! normalize-space(.), te:document-lang())[. != ''][1]),
      'id': string($root/@xml:id),
      'number': if ($kind = 'document') then normalize-space($root/@n) else '',
      'date': if (exists($date)) then map{
          'when': string(($date/@when, $date/@from, $date/@notBefore)[1]),
          'to': string(($date/@to, $date/@notAfter)[1]),
          'label': normalize-space($date)} else map{},
      'anchor': if ($volume) then '' else te:part-anchor($root),
      'ids': array{ te:part-ids($root, $elements) },
      'html': map{
        'text': te:serialise(if ($te:parallel) then te:witness-reading-of($text-html) else $text-html),
        'book': te:serialise($book-html),
        'print': te:serialise($print-html)},
      'mentions': array{
        for $name in $elements[exists(te:pointers(.))], $key in te:ref-keys($name)
        return let $block := te:place-of($name) return map{
          'key': $key,
          'anchor': if (exists($block)) then te:anchor($block) else $te:gen || 'metadata',
          'label': if (exists($block)) then te:place-label($block) else te:t('placeMetadata')}},
      'units': array{
        for $block in $elements[self::tei:p[not(ancestor::tei:note)] or self::tei:note or self::tei:head or self::tei:opener or self::tei:closer or self::tei:l or self::tei:item]
        return map{'anchor': te:anchor($block), 'label': te:place-label($block), 'text': normalize-space(string-join(te:plain-of(if ($block/self::tei:note) then $block/node() else $block), ''))}},
      'dates': array{
        for $d in $elements/self::tei:date[matches(string((@when, @from)[1]), '^\d{4}(-\d{2}(-\d{2})?)?$')]
        return let $block := te:place-of($d) return map{
          'when': string(($d/@when, $d/@from)[1]), 'to': string($d/@to), 'text': normalize-space($d),
          'anchor': if (exists($block)) then te:anchor($block) else '', 'label': if (exists($block)) then te:place-label($block) else '',
          'witnesses': array{ $d/ancestor::*[self::tei:rdg or self::tei:lem][1] ! (tokenize(normalize-space(@wit), ' ') ! te:siglum(., $d)) }}},
      'noteCount': count($elements/self::tei:note),
      'appCount': count($elements/self::tei:app),
      'apparatus': map{
        'document': '',
        'title': $title,
        'witnesses': array{ $te:document-witnesses ! map{'key': ., 'siglum': te:siglum(., $te:root)} },
        'lines': (map:get($te:lines, te:scope-key($root)), 0)[1],
        'text': array{ te:segments(if ($volume) then $root else $root/node()) },
        'entries': array{ te:apparatus-model($root)[empty($te:in-registers) or not(?number = 0)] }}
    }"/>
  </xsl:function>

  <!-- ===== rendering a part ===== -->

  <!-- A part is rendered on its own page ($te:rendering: the part being rendered, '' for the volume's page),
       with the breaks that open it and the id it is linked by; anywhere else (the volume's page) it is an entry
       of the contents. -->
  <xsl:template match="*[$te:splitting][map:contains($te:unit-ids, generate-id(.))]" mode="te:html te:site te:book te:print" priority="30">
    <xsl:param name="te:rendering" as="xs:string" select="''" tunnel="yes"/>
    <xsl:variable name="unit" as="element()" select="."/>
    <xsl:choose>
      <xsl:when test="$te:rendering = generate-id()">
        <xsl:variable name="made" as="node()*"><xsl:next-match/></xsl:variable>
        <xsl:variable name="opening" as="node()*"><xsl:apply-templates select="te:attached-to(.)" mode="#current"/></xsl:variable>
        <xsl:variable name="first" as="element()?" select="$made[self::element()][1]"/>
        <xsl:for-each select="$made">
          <xsl:choose>
            <xsl:when test=". is $first">
              <xsl:copy>
                <xsl:sequence select="@*"/>
                <xsl:if test="empty(@id)"><xsl:attribute name="id" select="te:anchor($unit)"/></xsl:if>
                <xsl:sequence select="$opening, node()"/>
              </xsl:copy>
            </xsl:when>
            <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:if test="empty($first)"><xsl:sequence select="$opening"/></xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="te:contents-entry(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A division that became a register is, on the volume's page, an entry leading to the register's page (by the
       register of its first entry: register:NAME@FILE), carrying the ids of the page breaks in it. -->
  <xsl:template match="*[$te:splitting][map:contains($te:register-piece-ids, generate-id(.))]" mode="te:html te:site te:book te:print" priority="30">
    <xsl:variable name="register" as="xs:string?" select="(.//*[@xml:id] ! te:embedded-register(.))[1]"/>
    <xsl:variable name="title" as="xs:string" select="te:part-title(.)"/>
    <p class="volume-entry volume-register">
      <xsl:for-each select="te:register-piece-breaks(.)"><span id="{te:safe-id(@xml:id)}"/></xsl:for-each>
      <xsl:choose>
        <xsl:when test="exists($register)"><a class="volume-link" href="register:{$register}">{if ($title != '') then $title else te:t('registers')}</a></xsl:when>
        <xsl:otherwise><span class="volume-link">{$title}</span></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>
  <xsl:function name="te:register-piece-breaks" as="element()*">
    <xsl:param name="pieces" as="element()*"/>
    <xsl:sequence select="$pieces//*[self::tei:pb or self::tei:cb or self::tei:milestone or self::tei:anchor][@xml:id]"/>
  </xsl:function>

  <!-- A break that opens a part is rendered with that part only. -->
  <xsl:template match="*[$te:splitting][map:contains($te:attached, generate-id(.))]" mode="te:html te:site te:book te:print" priority="30">
    <xsl:param name="te:rendering" as="xs:string" select="''" tunnel="yes"/>
    <xsl:if test="$te:rendering = generate-id($te:attached(generate-id(.)))"><xsl:next-match/></xsl:if>
  </xsl:template>

  <!-- The entry of a part on the volume's page: its number, its title linked to its page, its date. -->
  <xsl:function name="te:contents-entry" as="element()">
    <xsl:param name="unit" as="element()"/>
    <xsl:variable name="kind" as="xs:string" select="te:part-kind($unit)"/>
    <xsl:variable name="date" as="element()?" select="if ($kind = 'document') then te:part-date($unit) else ()"/>
    <xsl:variable name="title" as="xs:string" select="te:part-title($unit)"/>
    <xsl:variable name="anchor" as="xs:string" select="te:part-anchor($unit)"/>
    <p class="volume-entry volume-{$kind}">
      <xsl:if test="$kind = 'document' and normalize-space($unit/@n) != ''"><span class="volume-number">{normalize-space($unit/@n)}</span><xsl:text> </xsl:text></xsl:if>
      <a class="volume-link" href="{if ($te:self-key = $files) then 'edition:' || $te:self-key || '#' || $anchor else '#' || $anchor}">{if ($title != '') then $title else $anchor}</a>
      <xsl:if test="exists($date)">
        <xsl:text> </xsl:text>
        <time class="volume-date" datetime="{($date/@when, $date/@from, $date/@notBefore)[1]}">{te:date-range-label(string(($date/@when, $date/@from, $date/@notBefore)[1]), string(($date/@to, $date/@notAfter)[1]))}</time>
      </xsl:if>
    </p>
  </xsl:function>
</xsl:stylesheet>
