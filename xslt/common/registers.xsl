<?xml version="1.0" encoding="UTF-8"?>
<!-- Registers a document carries inside itself. Two forms are recognised (docs/build.md, "Registers"):
     - entity lists: listPerson, listPlace, listOrg, listObject, listBibl, listEvent, in the back, the standOff,
       the front or the header (sourceDesc, particDesc, settingDesc …; a listBibl of the header describes the
       document's sources and stays there), made only of entries with an xml:id;
     - plain lists, as FRUS keeps its persons and abbreviations in the front: a list in the front or back whose
       every item holds one name with an xml:id (persName, placeName, orgName, term), the entry, and its
       description or gloss (or a glossary of label/item pairs), alone or in a div that holds only such lists,
       its head, prose and page breaks.
     When the build names the kinds ($embedded-registers, folder builds only), such lists leave the document's
     page (the header's leave the About panel, which says how many entries went where) and their entries join
     a register of the edition, and every pointer to them links there. Entity lists are merged across documents
     by kind and xml:id (exports from one database share ids); a plain list is the document's own (FRUS numbers
     persons and terms per volume), so each document's plain lists of one kind make a register of their own.
     With no kind named (the default, and every edition build), nothing here applies and documents render as
     before. A register file ($register-file) gives entries of every form wherever its lists stand. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

  <!-- The entries each kind of list holds (the behaviour table's register lists). -->
  <xsl:variable name="te:register-kinds" as="map(xs:string, xs:string+)" select="map:merge(for $list in map:keys($behaviours?registerLists) return map:entry(string($list), $behaviours?registerLists($list) ! string(.)))"/>
  <!-- Every element that is an entry of some list (person, place, bibl, event …). -->
  <xsl:variable name="te:entry-kinds" as="xs:string*" select="distinct-values(map:keys($te:register-kinds) ! map:get($te:register-kinds, .))"/>
  <!-- The names that make an item of a plain list an entry (the behaviour table's register names). -->
  <xsl:variable name="te:register-names" as="xs:string*" select="data($behaviours?registerNames) ! string(.)"/>
  <!-- Empty elements a list or a register's div may hold between its entries. -->
  <xsl:variable name="te:list-milestones" as="xs:string+" select="('pb', 'cb', 'lb', 'milestone', 'anchor')"/>

  <xsl:function name="te:is-list-kind" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="namespace-uri($element) = 'http://www.tei-c.org/ns/1.0' and map:contains($te:register-kinds, local-name($element))"/>
  </xsl:function>

  <xsl:function name="te:is-tei" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:param name="names" as="xs:string*"/>
    <xsl:sequence select="namespace-uri($element) = 'http://www.tei-c.org/ns/1.0' and local-name($element) = $names"/>
  </xsl:function>

  <!-- Where a document's registers may stand: anywhere but its body. In a register file, anywhere. -->
  <xsl:function name="te:may-hold-registers" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="$register-file or exists($element/ancestor::*[self::tei:back or self::tei:standOff or self::tei:front or self::tei:teiHeader])"/>
  </xsl:function>

  <!-- A list that becomes part of a register: of a kind the build makes registers of, outside the body, not a
       fact of another entry (a person's own listEvent), and made only of entries with an xml:id (a head aside),
       so that nothing of it is lost when it leaves the page. A list with anything else in it stays where it is. -->
  <xsl:function name="te:is-register-list" as="xs:boolean">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="exists($embedded-registers) and te:is-list-kind($list)
      and local-name($list) = $embedded-registers
      and exists($list/ancestor::*[self::tei:back or self::tei:standOff or self::tei:front or self::tei:teiHeader])
      and not(local-name($list) = 'listBibl' and exists($list/ancestor::tei:teiHeader))
      and empty($list/ancestor::*[te:is-tei(., $te:entry-kinds)])
      and exists($list/descendant::*[@xml:id][local-name() = map:get($te:register-kinds, local-name($list))])
      and te:only-entries($list)"/>
  </xsl:function>

  <xsl:function name="te:only-entries" as="xs:boolean">
    <xsl:param name="list" as="element()"/>
    <xsl:variable name="kinds" as="xs:string+" select="map:get($te:register-kinds, local-name($list))"/>
    <xsl:sequence select="every $child in $list/* satisfies (
      $child/self::tei:head
      or ($child/@xml:id and namespace-uri($child) = 'http://www.tei-c.org/ns/1.0' and local-name($child) = $kinds)
      or (local-name($child) = local-name($list) and namespace-uri($child) = namespace-uri($list) and te:only-entries($child)))"/>
  </xsl:function>

  <!-- ===== plain lists (FRUS: div xml:id="persons", div xml:id="terms") ===== -->

  <!-- What holds the entries of a plain list: its labels in a glossary of label/item pairs, else its items. -->
  <xsl:function name="te:entry-holders" as="element()*">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="if (exists($list/tei:label)) then $list/tei:label else $list/tei:item"/>
  </xsl:function>

  <!-- The name an item (or label) of a plain list is the entry of: the first name with an xml:id in it, outside
       any list inside it. -->
  <xsl:function name="te:list-entry-name" as="element()?">
    <xsl:param name="holder" as="element()"/>
    <xsl:sequence select="($holder/descendant::*[@xml:id][te:is-tei(., $te:register-names)] except $holder//tei:list//*)[1]"/>
  </xsl:function>

  <!-- A plain list that is a register: every item (or label, with an item for each) holds a name with an
       xml:id, all names of one kind the build makes registers of; besides them only a head and page breaks. -->
  <xsl:function name="te:is-plain-register-list" as="xs:boolean">
    <xsl:param name="list" as="element()"/>
    <!-- Where it stands and what it holds first: the names of its items are looked for only in a list that may be one. -->
    <xsl:sequence select="exists($list/self::tei:list) and te:may-hold-registers($list)
      and empty($list/ancestor::*[te:is-tei(., $te:entry-kinds)])
      and (every $child in $list/* satisfies te:is-tei($child, ('head', 'item', 'label', $te:list-milestones)))
      and (empty($list/tei:label) or count($list/tei:label) = count($list/tei:item))
      and (let $holders := te:entry-holders($list), $names := $holders ! te:list-entry-name(.)
        return exists($holders) and count($names) = count($holders)
          and count(distinct-values($names ! local-name(.))) = 1
          and ($register-file or local-name($names[1]) = $embedded-registers))"/>
  </xsl:function>

  <!-- Every plain list of the file that is a register (computed once). -->
  <xsl:variable name="te:plain-lists" as="element()*" select="if (exists($embedded-registers) or $register-file) then //tei:list[te:is-plain-register-list(.)] else ()"/>

  <!-- A division made of registers: in the front or back, holding register lists and besides them only a head,
       prose (which the register page prints above the entries) and page breaks. It leaves the page whole. -->
  <xsl:function name="te:is-register-div" as="xs:boolean">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="lists" as="element()*" select="$div/*[exists(. intersect $te:plain-lists) or (te:is-list-kind(.) and te:is-register-list(.))]"/>
    <xsl:sequence select="exists($embedded-registers) and exists($lists)
      and exists($div/ancestor::*[self::tei:front or self::tei:back])
      and (every $child in $div/* except $lists satisfies te:is-tei($child, ('head', 'p', 'ab', $te:list-milestones)))"/>
  </xsl:function>

  <!-- What leaves the page because it became part of a register: the register lists, and the divisions made of
       them, outermost only (computed once). page.xsl leaves them out of the text, the metadata panel prints a
       line for each of the header's, numbering skips them. -->
  <xsl:variable name="te:register-parts" as="element()*" select="if (exists($embedded-registers)) then outermost((
    //*[te:is-list-kind(.)][te:is-register-list(.)],
    $te:plain-lists[exists(ancestor::*[self::tei:front or self::tei:back or self::tei:standOff or self::tei:teiHeader])],
    //*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4 or self::tei:div5 or self::tei:div6][te:is-register-div(.)])) else ()"/>

  <!-- Whether a node lies inside a part that became a register (and so is not on the page). -->
  <xsl:function name="te:in-register-list" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($te:register-parts) and exists($node/ancestor-or-self::* intersect $te:register-parts)"/>
  </xsl:function>

  <!-- The key of the file a node stands in: its path from the edition's folder. -->
  <xsl:function name="te:document-key" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="te:key(string(base-uri(root($node))))"/>
  </xsl:function>

  <!-- The item or label whose entry a name is, when it is the entry of a plain register list; else (). -->
  <xsl:function name="te:plain-holder" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="holder" as="element()?" select="$name/ancestor::*[self::tei:item or self::tei:label][1]"/>
    <xsl:sequence select="if (exists($te:plain-lists) and exists($name/@xml:id) and exists($holder/parent::* intersect $te:plain-lists)
      and te:list-entry-name($holder) is $name) then $holder else ()"/>
  </xsl:function>

  <!-- The register an entry joins, or () when it joins none: for an entity list its kind (listPerson …), for a
       plain list the name of the entries and the document's key (term@frus1951v07p2.xml). -->
  <xsl:function name="te:embedded-register" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="list" as="element()?" select="$entry/ancestor::*[te:is-list-kind(.)][1]"/>
    <xsl:sequence select="if (empty($embedded-registers) or empty($entry/@xml:id)) then ()
      else if (exists($list) and local-name($entry) = map:get($te:register-kinds, local-name($list)) and te:in-register-list($list)) then local-name($list)
      else if (exists(te:plain-holder($entry)) and te:in-register-list($entry)) then local-name($entry) || '@' || te:document-key($entry)
      else ()"/>
  </xsl:function>

  <!-- The one key of an entry across all documents: its register and its xml:id. -->
  <xsl:function name="te:register-key" as="xs:string">
    <xsl:param name="list" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'register:' || $list || '#' || normalize-space($id)"/>
  </xsl:function>

  <!-- The entry of a register that a same-document pointer ('#id') leads to, or (). -->
  <xsl:function name="te:embedded-target" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="if (exists($embedded-registers) and starts-with($pointer, '#'))
      then key('te:id', substring($pointer, 2), root($context))[exists(te:embedded-register(.))][1] else ()"/>
  </xsl:function>

  <!-- ===== entries ===== -->

  <!-- Every register entry the file gives, in document order: persons, places, organisations and objects with
       an xml:id wherever they stand; works and events of a register list; the names of plain register lists. -->
  <xsl:function name="te:register-entries" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei//(tei:person | tei:personGrp | tei:place | tei:org | tei:object)[@xml:id]
      | $tei//(tei:bibl | tei:biblStruct | tei:event)[@xml:id][exists(te:embedded-register(.)) or ($register-file and te:is-register-file-entry(.))]
      | $te:plain-lists ! (te:entry-holders(.) ! te:list-entry-name(.))"/>
  </xsl:function>

  <!-- The values a name's @key may give to point to an entry: the @key of the entry and of its names
       (src/render/entry-keys.ts matches them, and the entries' xml:ids after them). -->
  <xsl:function name="te:entry-keys" as="xs:string*">
    <xsl:param name="elements" as="element()*"/>
    <xsl:sequence select="distinct-values($elements/@key ! normalize-space(.))[. != '']"/>
  </xsl:function>

  <!-- In a register file: a work or event that is an entry of its list (not a source an entry cites). -->
  <xsl:function name="te:is-register-file-entry" as="xs:boolean">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="list" as="element()?" select="$entry/parent::*[te:is-list-kind(.)]"/>
    <xsl:sequence select="exists($list) and local-name($entry) = map:get($te:register-kinds, local-name($list))
      and empty($entry/ancestor::*[te:is-tei(., $te:entry-kinds)])"/>
  </xsl:function>

  <xsl:function name="te:is-plain-entry" as="xs:boolean">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="exists(te:plain-holder($entry))"/>
  </xsl:function>

  <!-- The title of the register a plain list makes: its head, else the head of the division made of it. -->
  <xsl:function name="te:plain-register-title" as="xs:string">
    <xsl:param name="list" as="element()"/>
    <xsl:variable name="div" as="element()?" select="$list/parent::*[exists(. intersect $te:register-parts)][te:is-register-div(.)]"/>
    <xsl:sequence select="normalize-space(($list/tei:head, $div/tei:head)[normalize-space() != ''][1])"/>
  </xsl:function>

  <!-- One entry of a plain list: its name, and what the item says besides it (the description, the gloss). -->
  <xsl:function name="te:plain-entry" as="map(*)">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="holder" as="element()" select="te:plain-holder($name)"/>
    <xsl:variable name="register" as="xs:string?" select="te:embedded-register($name)"/>
    <xsl:variable name="label" as="xs:string" select="te:name-text($name)"/>
    <xsl:variable name="gloss" as="element()">
      <div class="entry-gloss"><xsl:sequence select="te:entry-html-of(te:plain-description($holder, $name), true())"/></div>
    </xsl:variable>
    <xsl:variable name="html" as="xs:string" select="if (normalize-space($gloss) = '') then '' else te:serialise($gloss)"/>
    <xsl:sequence select="map{
      'id': te:safe-id($name/@xml:id),
      'key': if (exists($register)) then te:register-key($register, $name/@xml:id) else te:key(string(resolve-uri('#' || $name/@xml:id, base-uri($name)))),
      'register': string($register),
      'keys': array{ te:entry-keys($name) },
      'kind': local-name($name),
      'list': 'list',
      'listHead': te:plain-register-title($holder/parent::*),
      'label': $label,
      'names': array{ map{'type': 'main', 'text': $label} },
      'html': $html,
      'parts': array{ if (exists($register) and $html != '') then $html else () }
    }"/>
  </xsl:function>

  <!-- What an item says besides its entry's name: the item without the name (and without what only wraps the
       name with its punctuation, as FRUS's <hi rend="strong"><persName …/>,</hi>), its first words freed of
       the punctuation that joined them to the name; for a label, the item that follows it. -->
  <xsl:function name="te:plain-description" as="node()*">
    <xsl:param name="holder" as="element()"/>
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="wrapper" as="element()" select="($name/ancestor-or-self::*[. >> $holder][parent::* is $holder]
      [normalize-space(replace(string(.), '[\p{P}\s]', '')) = normalize-space(replace(string($name), '[\p{P}\s]', ''))], $name)[1]"/>
    <xsl:variable name="nodes" as="node()*" select="if ($holder/self::tei:label) then $holder/following-sibling::tei:item[1]/node()
      else if ($wrapper/parent::* is $holder) then $holder/node() except $wrapper else $holder/node()"/>
    <xsl:variable name="first" as="node()?" select="$nodes[not(self::text()[normalize-space() = ''])][1]"/>
    <xsl:choose>
      <xsl:when test="$first/self::text()">
        <xsl:sequence select="$nodes[. &lt;&lt; $first]"/>
        <xsl:value-of select="replace($first, '^[\s,;:.–—-]+', '')"/>
        <xsl:sequence select="$nodes[. >> $first]"/>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$nodes"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- What a document says of the registers its plain lists make: the title (their head) and the prose of the
       division made of them, which the register page prints above the entries. -->
  <xsl:function name="te:register-infos" as="map(*)*">
    <xsl:for-each select="$te:plain-lists[exists(. intersect $te:register-parts) or exists(ancestor::* intersect $te:register-parts)]">
      <xsl:variable name="name" as="element()" select="te:list-entry-name(te:entry-holders(.)[1])"/>
      <xsl:variable name="register" as="xs:string?" select="te:embedded-register($name)"/>
      <xsl:variable name="div" as="element()?" select="parent::*[exists(. intersect $te:register-parts)][te:is-register-div(.)]"/>
      <!-- The prose of a division is printed once, with its first list. -->
      <xsl:variable name="prose" as="element()*" select="if (exists($div) and empty(preceding-sibling::* intersect $te:plain-lists)) then $div/(tei:p | tei:ab) else ()"/>
      <xsl:variable name="intro" as="element()*">
        <xsl:for-each select="$prose"><p class="register-intro"><xsl:sequence select="te:entry-html-of(node(), true())"/></p></xsl:for-each>
      </xsl:variable>
      <xsl:if test="exists($register)">
        <xsl:sequence select="map{'register': $register, 'title': te:plain-register-title(.), 'intro': if (exists($intro)) then te:serialise($intro) else ''}"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <!-- In the header, a list that became a register is one line: how many entries, and a link to the register. -->
  <xsl:function name="te:register-lines" as="element()*">
    <xsl:param name="part" as="element()"/>
    <xsl:for-each-group select="$part/descendant-or-self::*[@xml:id][exists(te:embedded-register(.))]" group-by="te:embedded-register(.)">
      <xsl:variable name="kind" as="xs:string" select="substring-before(current-grouping-key() || '@', '@')"/>
      <xsl:variable name="count" as="xs:integer" select="count(distinct-values(current-group() ! string(@xml:id)))"/>
      <xsl:variable name="noun" as="xs:string*" select="(data(map:get($behaviours?registerNouns, $kind)) ! string(.), 'entry', 'entries')"/>
      <p class="register-ref"><a href="register:{current-grouping-key()}">{format-number($count, '#,##0')} {if ($count = 1) then $noun[1] else $noun[2]}: see the register</a></p>
    </xsl:for-each-group>
  </xsl:function>
</xsl:stylesheet>
