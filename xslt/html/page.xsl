<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry stylesheet of the HTML edition. For one TEI file it returns a JSON object: the HTML fragments of
     its text, notes, apparatus and metadata panel, and the data the site needs from it (title, dates,
     correspondents, mentions of register entries, register entries, front matter, search units). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

  <xsl:import href="../common/modes.xsl"/>
  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="../common/numbering.xsl"/>
  <xsl:import href="../common/apparatus-model.xsl"/>
  <xsl:import href="../common/registers.xsl"/>
  <xsl:import href="../common/diagnostics.xsl"/>
  <xsl:import href="../common/parts.xsl"/>

  <xsl:include href="text.xsl"/>
  <xsl:include href="apparatus.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="plain.xsl"/>
  <xsl:include href="../common/one-witness.xsl"/>
  <xsl:include href="site.xsl"/>
  <xsl:include href="../epub/book.xsl"/>
  <xsl:include href="../print/print.xsl"/>
  <xsl:include href="source-ids.xsl"/>
  <xsl:include href="volume.xsl"/>

  <xsl:output method="json" indent="no"/>

  <xsl:function name="te:serialise" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="serialize($nodes, map{'method': 'html', 'html-version': 5.0})"/>
  </xsl:function>

  <xsl:function name="te:names" as="map(*)*">
    <xsl:param name="elements" as="element()*"/>
    <xsl:for-each select="$elements">
      <xsl:sequence select="map{'label': normalize-space(.), 'keys': array{te:ref-keys(.)}, 'href': string((te:href(string-join(te:pointers(.), ' '), .), '')[1])}"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:variable name="te:tei" as="element()" select="(/tei:TEI, /tei:teiCorpus, /*)[1]"/>
  <xsl:variable name="te:header" as="element(tei:teiHeader)?" select="$te:tei/tei:teiHeader"/>
  <!-- The text this result renders: none when the file is cut into documents, whose parts are rendered each on
       its own (volume.xsl, "parts"), and the result carries what belongs to the whole file. -->
  <xsl:variable name="te:text" as="element()*" select="$te:tei/tei:text[not($te:splitting)]"/>
  <!-- Everything inside the lists (and divisions of them) that became registers, in the text or the header
       (common/registers.xsl): not on the page. -->
  <xsl:variable name="te:in-registers" as="element()*" select="$te:register-parts/descendant-or-self::*"/>
  <xsl:variable name="te:titles" as="element(tei:title)*" select="$te:header/tei:fileDesc/tei:titleStmt/tei:title[normalize-space()]"/>

  <!-- The title of the item itself: the main title, else the analytic title (a letter, an article), else the
       first that names neither a series, journal or monograph the item belongs to nor a date or subtitle,
       else the first. Letters typically carry the series, an ISO date and their own title, in that order. -->
  <xsl:variable name="te:title" as="element(tei:title)?" select="($te:titles[@type = 'main'], $te:titles[@level = 'a'],
    $te:titles[not(@level = ('s', 'j', 'm'))][not(@type = ('iso-date', 'date', 'sub', 'subtitle', 'series', 'subseries', 'volume', 'volumenumber', 'alt', 'short', 'abbreviated'))],
    $te:titles)[1]"/>

  <!-- The date of the document itself: from the header's correspondence (the sending first), creation or
       source description, else from the text's docDate, dateline or opener. Never a date inside a register
       or an entity (listPerson, listPlace, person, birth, death …: a person's birth is not the date of a
       letter that names the person), nor one without @when, @from or @notBefore. -->
  <xsl:variable name="te:not-document-dates" as="xs:string+" select="('listPerson', 'listPlace', 'listOrg', 'listObject', 'listBibl', 'listEvent', 'listRelation', 'listNym', 'listWit',
    'person', 'personGrp', 'place', 'org', 'object', 'event', 'birth', 'death', 'floruit', 'residence', 'relation', 'nym')"/>
  <xsl:function name="te:document-date" as="element()?">
    <xsl:variable name="profile" as="element()?" select="$te:header/tei:profileDesc"/>
    <xsl:sequence select="(
      $profile/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date,
      $profile/tei:correspDesc/tei:correspAction/tei:date,
      $profile/tei:correspDesc//tei:date,
      $profile/tei:creation//(tei:date | tei:origDate),
      $te:header/tei:fileDesc/tei:sourceDesc//(tei:date | tei:origDate),
      $te:text//tei:docDate,
      $te:text//tei:dateline//tei:date,
      $te:text//tei:opener//tei:date
      )[(@when, @from, @notBefore)][not(ancestor-or-self::*[local-name() = $te:not-document-dates])][1]"/>
  </xsl:function>

  <!-- The language of the document's text: the text's @xml:lang (or that of its body or first division,
       when the text gives none), else the header's langUsage (the language used most, by @usage, else the
       first), else the TEI element's @xml:lang, else ''. -->
  <xsl:function name="te:document-lang" as="xs:string">
    <xsl:variable name="languages" as="element(tei:language)*" select="$te:header/tei:profileDesc/tei:langUsage/tei:language[normalize-space(@ident) != '']"/>
    <xsl:variable name="most" as="xs:double?" select="max($languages/@usage[. castable as xs:double] ! xs:double(.))"/>
    <xsl:variable name="used" as="element(tei:language)?" select="(if (exists($most)) then $languages[@usage castable as xs:double][xs:double(@usage) = $most] else (), $languages)[1]"/>
    <xsl:sequence select="string(($te:text[1]/@xml:lang, $te:text[1]/tei:body/@xml:lang, $te:text[1]/tei:body/tei:div[1]/@xml:lang,
      $used/@ident, $te:tei/@xml:lang)[normalize-space() != ''][1] ! normalize-space(.))"/>
  </xsl:function>

  <xsl:template name="xsl:initial-template" match="/" as="map(*)">
    <xsl:variable name="title" as="xs:string" select="string($te:title ! normalize-space(.))"/>
    <xsl:variable name="sent-date" as="element()?" select="te:document-date()"/>
    <xsl:variable name="text-html" as="node()*">
      <xsl:apply-templates select="$te:text" mode="te:site"/>
    </xsl:variable>
    <!-- The same text for the book and for print, each in its own mode, only when the build makes them. -->
    <xsl:variable name="book-html" as="node()*">
      <xsl:if test="$outputs = 'epub'">
        <xsl:sequence select="te:witness-shown()"/>
        <xsl:apply-templates select="$te:text" mode="te:book"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="print-html" as="node()*">
      <xsl:if test="$outputs = 'print'">
        <xsl:variable name="rendered" as="node()*"><xsl:apply-templates select="$te:text" mode="te:print"/></xsl:variable>
        <xsl:sequence select="te:witness-shown(), te:print-places($rendered)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:call-template name="te:report-unknown-elements">
      <xsl:with-param name="elements" select="$te:text//* except $te:in-registers"/>
    </xsl:call-template>
    <xsl:sequence select="map{
      'title': $title,
      'subtitle': string(($te:header/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub'] ! normalize-space(.))[1]),
      'series': string(($te:titles[@level = 's'] ! normalize-space(.))[1]),
      'lang': te:document-lang(),
      'id': string($te:tei/@xml:id),
      'number': string($te:header/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'edition-document']),
      'date': if (exists($sent-date)) then map{
          'when': string(($sent-date/@when, $sent-date/@from, $sent-date/@notBefore)[1]),
          'to': string(($sent-date/@to, $sent-date/@notAfter)[1]),
          'label': normalize-space($sent-date)} else map{},
      'correspondence': array{
        for $action in $te:header/tei:profileDesc/tei:correspDesc/tei:correspAction return map{
          'type': string($action/@type),
          'persons': array{te:names($action/(tei:persName | tei:orgName | tei:name))},
          'places': array{te:names($action/tei:placeName)},
          'date': string(($action/tei:date/(@when, @from))[1])}},
      'html': map{
        'text': te:serialise(if ($te:parallel) then te:witness-reading-of($text-html) else $text-html),
        'book': te:serialise($book-html),
        'print': te:serialise($print-html),
        'metadata': te:serialise(te:metadata-panel-of()),
        'source': te:serialise(te:html-of($te:header/tei:fileDesc/tei:sourceDesc[normalize-space()]/node()))},
      'witnessesUsed': array{$te:document-witnesses},
      'witnesses': array{
        for $w in $te:tei//tei:listWit//tei:witness[@xml:id] return map{
          'key': string(resolve-uri('#' || $w/@xml:id, base-uri($w))),
          'siglum': te:siglum('#' || $w/@xml:id, $w),
          'html': te:serialise(te:html-of(te:witness-description($w)))}},
      'mentions': array{
        for $name in ($te:text//*[exists(te:pointers(.))] except $te:in-registers, $te:header/tei:profileDesc//*[exists(te:pointers(.))] except $te:in-registers,
            $te:header/tei:fileDesc/tei:sourceDesc//(tei:persName | tei:placeName | tei:orgName | tei:geogName | tei:rs | tei:name | tei:objectName | tei:term)[exists(te:pointers(.))] except $te:in-registers),
            $key in te:ref-keys($name)
        return let $block := te:place-of($name) return map{
          'key': $key,
          'anchor': if (exists($block)) then te:anchor($block) else $te:gen || 'metadata',
          'label': if (exists($block)) then te:place-label($block) else te:t('placeMetadata')}},
      'units': array{
        for $block in $te:text//(tei:p[not(ancestor::tei:note)] | tei:note | tei:head | tei:opener | tei:closer | tei:l | tei:item) except $te:in-registers
        return map{'anchor': te:anchor($block), 'label': te:place-label($block), 'text': normalize-space(string-join(te:plain-of(if ($block/self::tei:note) then $block/node() else $block), ''))}},
      'dates': array{
        for $d in $te:text//tei:date[matches(string((@when, @from)[1]), '^\d{4}(-\d{2}(-\d{2})?)?$')] except $te:in-registers
        return let $block := te:place-of($d) return map{
          'when': string(($d/@when, $d/@from)[1]), 'to': string($d/@to), 'text': normalize-space($d),
          'anchor': if (exists($block)) then te:anchor($block) else '', 'label': if (exists($block)) then te:place-label($block) else '',
          'witnesses': array{ $d/ancestor::*[self::tei:rdg or self::tei:lem][1] ! (tokenize(normalize-space(@wit), ' ') ! te:siglum(., $d)) }}},
      'entries': array{ for $e in te:register-entries($te:tei) return if (te:is-plain-entry($e)) then te:plain-entry($e) else te:entry($e) },
      'registers': array{ te:register-infos() },
      'front': te:front(),
      'parts': te:parts(),
      'idPrefix': $te:gen,
      'noteCount': count($te:text//tei:note except $te:in-registers),
      'appCount': count($te:text//tei:app except $te:in-registers),
      'apparatus': map{
        'document': '',
        'title': $title,
        'witnesses': array{ $te:document-witnesses ! map{'key': ., 'siglum': te:siglum(., $te:root)} },
        'lines': (map:get($te:lines, 'lines'), 0)[1],
        'text': array{ te:segments($te:text) },
        'entries': array{ te:apparatus-model($te:text)[empty($te:in-registers) or not(?number = 0)] }}
    }"/>
  </xsl:template>

  <xsl:function name="te:html-of" as="node()*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:apply-templates select="$nodes" mode="te:html"/>
  </xsl:function>
  <xsl:function name="te:plain-of" as="xs:string*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:apply-templates select="$nodes" mode="te:plain"/>
  </xsl:function>
  <!-- A witness's description without the siglum it begins with ("<abbr type="siglum">A</abbr>: the draft …"):
       every output prints the siglum beside the description already. -->
  <xsl:function name="te:witness-description" as="node()*">
    <xsl:param name="witness" as="element()"/>
    <xsl:variable name="first" as="node()?" select="$witness/node()[not(self::text()[normalize-space() = ''])][1]"/>
    <xsl:choose>
      <xsl:when test="$first/self::tei:abbr[@type = 'siglum' or normalize-space() = te:siglum('#' || $witness/@xml:id, $witness)]">
        <xsl:variable name="next" as="node()?" select="$first/following-sibling::node()[1]"/>
        <xsl:choose>
          <xsl:when test="$next/self::text()">
            <xsl:value-of select="replace($next, '^[\s:.–—-]+', '')"/>
            <xsl:sequence select="$next/following-sibling::node()"/>
          </xsl:when>
          <xsl:otherwise><xsl:sequence select="$first/following-sibling::node()"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$witness/node()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="te:witness-reading-of" as="element()">
    <xsl:param name="content" as="node()*"/>
    <xsl:call-template name="te:witness-reading"><xsl:with-param name="content" select="$content"/></xsl:call-template>
  </xsl:function>
  <xsl:function name="te:metadata-panel-of" as="element()*">
    <xsl:call-template name="te:metadata-panel"/>
  </xsl:function>

  <!-- One register entry: its name forms and its description. An entry of a list the document carries
       (common/registers.xsl) has the key it shares with the same entry in other documents, and names the
       register it joins. -->
  <xsl:function name="te:entry" as="map(*)">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="register" as="xs:string?" select="te:embedded-register($entry)"/>
    <!-- An object's names stand inside its objectIdentifier (TEI's content model for object). -->
    <xsl:variable name="names" as="element()*" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:objectName | tei:name | tei:geogName | tei:settlement | tei:country
      | self::tei:object/tei:objectIdentifier/tei:objectName
      | self::tei:bibl/tei:title | self::tei:biblStruct/(tei:analytic | tei:monogr)/tei:title | self::tei:event/(tei:label | tei:head))"/>
    <xsl:variable name="main" as="element()?" select="($names[@type = 'main'], $names)[1]"/>
    <xsl:sequence select="map{
      'id': te:safe-id($entry/@xml:id),
      'key': if (exists($register)) then te:register-key($register, $entry/@xml:id) else te:key(string(resolve-uri('#' || $entry/@xml:id, base-uri($entry)))),
      'register': string($register),
      'keys': array{ te:entry-keys(($entry, $names)) },
      'kind': local-name($entry),
      'list': local-name($entry/parent::*),
      'listHead': normalize-space(($entry/parent::*/tei:head)[1]),
      'label': if (exists($main)) then te:name-text($main) else string($entry/@xml:id),
      'names': array{ for $n in $names return map{'type': string(($n/@type, if ($n is $main) then 'main' else local-name($n))[1]), 'text': te:name-text($n)} },
      'html': te:serialise(te:entry-description($entry, $names, exists($register))),
      'parts': array{ if (exists($register)) then te:entry-description($entry, $names, true()) ! te:serialise(.) else () }
    }"/>
  </xsl:function>

  <!-- What an entry says besides its names, part by part (an entry carried by several documents is described
       by the parts of all, each once: see src/render/embedded-registers.ts). -->
  <xsl:function name="te:entry-description" as="node()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="names" as="element()*"/>
    <xsl:param name="detached" as="xs:boolean"/>
    <xsl:sequence select="for $part in $entry/(* except ($names, tei:person, tei:place, tei:org, tei:object,
        tei:objectIdentifier[every $c in * satisfies (some $n in $names satisfies $n is $c)])) return
      if ($part/self::tei:note) then te:entry-note($part, $detached)
      else if (local-name($part) = $te:entry-parts) then te:entry-part($part, $detached)
      else te:entry-html-of($part, $detached)"/>
  </xsl:function>

  <!-- A name as a register gives it: a personal name made of surname and forenames as "Surname, Forenames"
       (so that the register reads and sorts by surname), any other name as written. -->
  <xsl:function name="te:name-text" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="if ($name/self::tei:persName[tei:surname][tei:forename][every $c in * satisfies ($c/self::tei:surname or $c/self::tei:forename)]
        and normalize-space(string-join($name/text(), '')) = '')
      then string-join($name/tei:surname ! normalize-space(.), ' ') || ', ' || string-join($name/tei:forename ! normalize-space(.), ' ')
      else normalize-space($name)"/>
  </xsl:function>

  <!-- Facts about a person, place, organisation or work, each shown with what it is. -->
  <xsl:variable name="te:entry-parts" as="xs:string+" select="('birth', 'death', 'floruit', 'sex', 'gender', 'age', 'occupation', 'affiliation',
    'residence', 'nationality', 'faith', 'education', 'langKnowledge', 'socecStatus', 'state', 'trait', 'event', 'listEvent', 'location',
    'idno', 'desc', 'author', 'editor', 'date', 'pubPlace', 'publisher')"/>
  <xsl:function name="te:entry-part" as="element()">
    <xsl:param name="part" as="element()"/>
    <xsl:param name="detached" as="xs:boolean"/>
    <xsl:variable name="type" as="xs:string?" select="(if ($part/self::tei:idno) then $part/@subtype else (), $part/@type)[1]"/>
    <xsl:variable name="url" as="xs:string?" select="if ($part/self::tei:idno and matches(normalize-space($part), '^https?://\S+$')) then te:href(normalize-space($part), $part) else ()"/>
    <div class="entry-part entry-{te:safe-id(local-name($part))}">
      <span class="entry-part-label">{if ($part/self::tei:idno) then te:t('identifier') else if ($part/self::tei:desc) then te:t('description') else te:term(local-name($part))}{$type ! (' (' || normalize-space(translate(., '_-', '  ')) || ')')}: </span>
      <xsl:choose>
        <xsl:when test="exists($url)"><a href="{$url}">{normalize-space($part)}</a></xsl:when>
        <xsl:when test="normalize-space($part) = ''">{string-join(($part/@value, if ($part/(@when, @from, @notBefore, @to, @notAfter)) then te:date-range-label(string(($part/@when, $part/@from, $part/@notBefore)[1]), string(($part/@to, $part/@notAfter)[1])) else ()), ' ')}</xsl:when>
        <xsl:otherwise><xsl:sequence select="te:entry-html-of($part/node(), $detached)"/></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:function>

  <xsl:function name="te:entry-note" as="element()">
    <xsl:param name="note" as="element()"/>
    <xsl:param name="detached" as="xs:boolean"/>
    <div class="entry-note"><xsl:sequence select="te:entry-html-of($note/node(), $detached)"/></div>
  </xsl:function>

  <!-- An entry of a list a document carries is shown on a register page, apart from the document's text:
       rendered as the apparatus renders readings, without the text's line numbers and note markers. -->
  <xsl:function name="te:entry-html-of" as="node()*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="detached" as="xs:boolean"/>
    <xsl:apply-templates select="$nodes" mode="te:html">
      <xsl:with-param name="in-apparatus" select="$detached" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:function>

  <!-- The edition-level front matter from the header and the body's introduction. -->
  <xsl:function name="te:front" as="map(*)">
    <xsl:variable name="titleStmt" as="element()?" select="$te:header/tei:fileDesc/tei:titleStmt"/>
    <xsl:variable name="licence" as="element()?" select="($te:header/tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence)[1]"/>
    <xsl:variable name="intro" as="element()*" select="$te:text/tei:body/tei:div[@type = ('introduction', 'preface')]"/>
    <xsl:sequence select="map{
      'editors': array{ $titleStmt/(tei:editor | tei:author) ! normalize-space(.) },
      'publisher': string(($te:header/tei:fileDesc/tei:publicationStmt/tei:publisher ! normalize-space(.))[1]),
      'edition': string(($te:header/tei:fileDesc/tei:editionStmt/tei:edition ! normalize-space(.))[1]),
      'licence': map{'text': normalize-space($licence), 'url': string(($licence/@target ! te:href(., $licence), '')[1])},
      'project': te:serialise(te:html-of($te:header/tei:encodingDesc/tei:projectDesc/node())),
      'introduction': te:serialise(te:html-of($intro/node())),
      'principles': te:serialise(te:principles-of()),
      'sources': te:serialise(te:html-of($te:header/tei:fileDesc/tei:sourceDesc/tei:listBibl))
    }"/>
  </xsl:function>
  <xsl:function name="te:principles-of" as="element()*">
    <xsl:call-template name="te:principles"/>
  </xsl:function>
</xsl:stylesheet>
