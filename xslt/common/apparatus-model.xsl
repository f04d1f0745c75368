<?xml version="1.0" encoding="UTF-8"?>
<!-- The apparatus model of one document: explanatory notes (numbered), textual notes (lettered) and the
     critical apparatus (keyed to lines of the reading text), each entry with a stable id, computed once.
     Line numbers come from one pass over the text nodes of the reading text (xsl:iterate), kept in a map:
     the reading text is broken into lines of at most $te:line-width characters at word boundaries, a new
     line at every block (paragraph, heading, address line …), at every lb and paragraph milestone. In parallel
     segmentation the numbered lines are those of the first witness (the copy-text): its readings are measured and
     broken like the shared text, so that a printed line is always one whole line of the edition. Another witness's
     reading is shown whole in that witness's view and begins no numbered line. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map" xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

  <xsl:variable name="te:line-width" as="xs:integer" select="64"/>

  <!-- The witnesses read in this document, in the edition's order, then in order of first use. -->
  <xsl:variable name="te:document-witnesses" as="xs:string*">
    <xsl:variable name="used" as="xs:string*" select="distinct-values(/*/tei:text//tei:app[not(.//tei:lem)]//tei:rdg/te:wit-keys(.))"/>
    <xsl:sequence select="($witness-order[. = $used], $used[not(. = $witness-order)])"/>
  </xsl:variable>

  <!-- Textual notes: the source's state and the editors' interventions. -->
  <xsl:function name="te:is-textual" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:supplied or self::tei:gap or self::tei:surplus or self::tei:unclear or self::tei:choice
      or self::tei:note[@type = 'textual']
      or ((self::tei:sic or self::tei:corr or self::tei:orig or self::tei:reg) and not(parent::tei:choice))])"/>
  </xsl:function>

  <!-- The readings (lem, rdg) that belong to an app itself, not to an app inside it. -->
  <xsl:function name="te:readings" as="element()*">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="$app//(tei:lem | tei:rdg)[ancestor::tei:app[1] is $app]"/>
  </xsl:function>

  <!-- The reading of an app the reading text shows first: the lemma, else the reading of the first witness, else the first reading. -->
  <xsl:function name="te:base-reading" as="element()?">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:variable name="readings" as="element()*" select="te:readings($app)"/>
    <xsl:sequence select="($readings[self::tei:lem], $readings[exists($te:document-witnesses[1])][te:wit-keys(.) = $te:document-witnesses[1]], $readings)[1]"/>
  </xsl:function>

  <!-- The reading of an app that the copy-text reads, whose lines are the edition's: the lemma; in parallel
       segmentation the first witness's reading, none where that witness has none (it omits the passage, as the
       book and the printed edition show it); else the first reading. -->
  <xsl:function name="te:copy-text-reading" as="element()?">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:variable name="readings" as="element()*" select="te:readings($app)"/>
    <xsl:sequence select="if (exists($readings[self::tei:lem])) then $readings[self::tei:lem][1]
      else if (exists($te:document-witnesses)) then $readings[te:wit-keys(.) = $te:document-witnesses[1]][1]
      else $readings[1]"/>
  </xsl:function>

  <!-- Whether a node is part of the reading text as first shown: not in a note, not in a register's entries
       (persons, places, works …: reference matter, not text), not in a reading other than the base one,
       not an alternative a choice keeps in a tooltip. A lem or rdg outside any app (malformed, but it happens) is text. -->
  <xsl:function name="te:in-base-text" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="empty($node/ancestor::tei:note) and empty($node/ancestor::tei:teiHeader) and empty($node/ancestor::tei:div[@type = ('introduction', 'preface')])
      and empty($node/ancestor::*[self::tei:listPerson or self::tei:listPlace or self::tei:listOrg or self::tei:listObject or self::tei:listEvent
        or self::tei:listNym or self::tei:listBibl or self::tei:listRelation])
      and not(te:in-register-list($node))
      and empty($node/ancestor::*[self::tei:gap or self::tei:fw or self::tei:figDesc])
      and (every $r in $node/ancestor::*[self::tei:lem or self::tei:rdg] satisfies (empty($r/ancestor::tei:app) or $r is te:copy-text-reading($r/ancestor::tei:app[1])))
      and (every $c in $node/ancestor::*[parent::tei:choice] satisfies $c is ($c/parent::tei:choice/(tei:sic, tei:orig, tei:abbr, *))[1])"/>
  </xsl:function>

  <!-- An app whose readings all stand in the text, one witness shown at a time by the switch (parallel
       segmentation without a lemma); an app with a lemma shows the lemma only. -->
  <xsl:function name="te:switched" as="xs:boolean">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="empty(te:readings($app)[self::tei:lem])"/>
  </xsl:function>

  <!-- Whether a node is rendered in the reading text of the page, in any witness view: inside every app around it,
       it stands in the reading shown, or in a reading of a switched app (not in the app outside its readings,
       as a note beside the readings does). -->
  <xsl:function name="te:rendered-in-text" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="every $app in $node/ancestor::tei:app satisfies
      (some $r in $node/ancestor::*[self::tei:lem or self::tei:rdg][ancestor::tei:app[1] is $app]
       satisfies ($r is te:base-reading($app) or te:switched($app)))"/>
  </xsl:function>

  <!-- Whether the marker of a note or intervention is written here: in the text when it is rendered there; else
       once, in the critical entry of the nearest app around it, where its reading is printed. -->
  <xsl:function name="te:marker-here" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="in-apparatus" as="xs:boolean"/>
    <xsl:param name="entry-app" as="element()?"/>
    <xsl:sequence select="if (not($in-apparatus)) then true()
      else exists($entry-app) and exists($e/ancestor::tei:app[1][. is $entry-app]) and not(te:rendered-in-text($e))"/>
  </xsl:function>

  <!-- The outermost switched app around a node: a line that begins inside it is numbered before it, so that
       every witness view shows the number. -->
  <xsl:function name="te:outer-switched" as="element(tei:app)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor::tei:app[te:switched(.)][last()]"/>
  </xsl:function>

  <!-- The elements a new line begins at: every element the behaviour table renders as a block. -->
  <xsl:function name="te:is-line-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists(te:block($e))"/>
  </xsl:function>

  <!-- The block a text node begins its lines in. -->
  <xsl:function name="te:line-block" as="element()?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor::*[te:is-line-block(.)][1]"/>
  </xsl:function>

  <!-- The empty elements a new line begins at: a line break, and a paragraph the source marks by a milestone. -->
  <xsl:function name="te:is-line-break" as="xs:boolean">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="exists($e[self::tei:lb or self::tei:milestone[@unit = 'paragraph']])"/>
  </xsl:function>

  <!-- Whether an element stands inside a line of text (in a paragraph, a heading …), not between blocks. -->
  <xsl:function name="te:in-line" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists(te:line-block($e)[not(self::tei:div or self::tei:body or self::tei:front or self::tei:back)])"/>
  </xsl:function>

  <!-- What the reading text prints for an element that has no text of its own there: a gap, a page break. -->
  <xsl:function name="te:added-text" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <!-- A page number is bracketed once, even where the source brackets it already ("[I]"); a page break
         without a number prints no text (the page shows a mark by style alone). -->
    <xsl:sequence select="if ($e/self::tei:gap) then '[...]'
      else let $n := normalize-space(replace(normalize-space($e/@n), '^\[(.*)\]$', '$1')) return if ($n != '') then '[' || $n || ']' else ''"/>
  </xsl:function>

  <!-- The length of what $pattern (anchored, never empty) matches at the start of $s; 0 if nothing. -->
  <xsl:function name="te:leading" as="xs:integer">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="pattern" as="xs:string"/>
    <xsl:sequence select="string-length($s) - string-length(replace($s, $pattern, ''))"/>
  </xsl:function>

  <!-- Lines of the text $s, with $used characters already on line $line, a space pending before its first word when
       $space (the text before it ended in white space): (line, used, space after (1 or 0), (offset, line, 1)* for
       each line that begins in it). White space counts as one space, whatever the source's indentation; a line
       breaks only at white space, never inside a word or where two texts meet without a space, and a line's first
       word stays on it however long it is. -->
  <xsl:function name="te:wrap" as="xs:integer*">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="line" as="xs:integer"/>
    <xsl:param name="used" as="xs:integer"/>
    <xsl:param name="space" as="xs:boolean"/>
    <xsl:sequence select="te:wrap($s, $line, $used, $space, 0, 0)"/>
  </xsl:function>
  <!-- The same, with characters the edition adds around the text ($before its first word, $after its last: the
       brackets of a supplied text) counted as part of those words. -->
  <xsl:function name="te:wrap" as="xs:integer*">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="line" as="xs:integer"/>
    <xsl:param name="used" as="xs:integer"/>
    <xsl:param name="space" as="xs:boolean"/>
    <xsl:param name="before" as="xs:integer"/>
    <xsl:param name="after" as="xs:integer"/>
    <xsl:variable name="parts" as="element()*" select="analyze-string($s, '\s+')/*"/>
    <xsl:variable name="last-word" as="xs:integer?" select="(for $i in reverse(1 to count($parts)) return $i[$parts[$i]/self::fn:non-match])[1]"/>
    <xsl:iterate select="$parts">
      <xsl:param name="line" as="xs:integer" select="$line"/>
      <xsl:param name="used" as="xs:integer" select="$used"/>
      <xsl:param name="space" as="xs:boolean" select="$space"/>
      <xsl:param name="offset" as="xs:integer" select="0"/>
      <xsl:param name="breaks" as="xs:integer*" select="()"/>
      <xsl:on-completion><xsl:sequence select="($line, $used, if ($space) then 1 else 0, $breaks)"/></xsl:on-completion>
      <xsl:variable name="length" as="xs:integer" select="string-length(.)
        + (if ($offset = 0 or ($offset = string-length($parts[1]) and $parts[1]/self::fn:match)) then $before else 0)
        + (if (position() = $last-word) then $after else 0)"/>
      <xsl:choose>
        <xsl:when test="self::fn:match">
          <xsl:next-iteration>
            <xsl:with-param name="space" select="true()"/>
            <xsl:with-param name="offset" select="$offset + string-length(.)"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:when test="$space and $used gt 0 and $used + 1 + $length gt $te:line-width">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="$line + 1"/>
            <xsl:with-param name="used" select="$length"/>
            <xsl:with-param name="space" select="false()"/>
            <xsl:with-param name="offset" select="$offset + string-length(.)"/>
            <xsl:with-param name="breaks" select="($breaks, $offset, $line + 1, 1)"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration>
            <xsl:with-param name="used" select="$used + (if ($space and $used gt 0) then 1 else 0) + $length"/>
            <xsl:with-param name="space" select="false()"/>
            <xsl:with-param name="offset" select="$offset + string-length(.)"/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- The line map: 't ID' → (offset, line, kind)* where lines begin in a text node (kind 0 at a block's start,
       1 inside a block), 'l ID' → the line an lb (or paragraph milestone) begins, 'a ID' → the line that begins at
       the start of a switched app (its number stands before the app, in every witness view), 'e ID' → the line an
       element begins in, 'lines' → the number of lines. Only the reading text as first shown is counted: an lb in
       another witness's reading breaks that witness's line on the site but begins no numbered line. -->
  <xsl:variable name="te:lines" as="map(xs:string, xs:integer*)" select="map:merge(te:scopes(/*/tei:text) ! te:line-map(.))"/>
  <!-- The line map of one scope: the whole text, or one part of a file cut into documents, whose lines begin at 1
       (common/parts.xsl); its number of lines under te:scope-key. -->
  <xsl:function name="te:line-map" as="map(xs:string, xs:integer*)">
    <xsl:param name="scope" as="element()"/>
    <xsl:variable name="parts" as="map(xs:string, xs:integer*)*">
      <xsl:iterate select="te:scope-nodes($scope)[self::text() or self::tei:note or self::tei:app or self::tei:lb or self::tei:milestone[@unit = 'paragraph'] or self::tei:supplied
        or self::tei:gap or self::tei:pb or self::tei:surplus or self::tei:unclear or self::tei:choice or self::tei:sic or self::tei:corr or self::tei:orig or self::tei:reg]">
        <xsl:param name="line" as="xs:integer" select="0"/>
        <xsl:param name="used" as="xs:integer" select="0"/>
        <!-- Whether the text so far ended in white space: a line may break before the next word. -->
        <xsl:param name="space" as="xs:boolean" select="false()"/>
        <xsl:param name="block" as="xs:string" select="''"/>
        <xsl:param name="hoisted" as="xs:string" select="''"/>
        <!-- The elements met since the last counted text: one whose first word begins a new line begins on that line. -->
        <xsl:param name="pending" as="element()*" select="()"/>
        <!-- Characters the edition puts before the next word (a supplied text's "["), and the element they stand
             at: a line that begins at that word begins before it. -->
        <xsl:param name="glue" as="xs:integer" select="0"/>
        <xsl:param name="glue-at" as="element()?" select="()"/>
        <xsl:on-completion><xsl:sequence select="map{te:scope-key($scope): $line}"/></xsl:on-completion>
        <xsl:choose>
          <xsl:when test="self::text() and normalize-space() = ''">
            <xsl:next-iteration>
              <!-- White space between the readings of an app or the parts of a choice is markup, not text. -->
              <xsl:with-param name="space" select="$space or (empty(parent::tei:app | parent::tei:rdgGrp | parent::tei:choice | parent::tei:subst | parent::tei:listApp)
                and (empty(ancestor::*[self::tei:note or self::tei:rdg or self::tei:lem or self::tei:teiHeader]) or te:in-base-text(.)))"/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:when test="not(te:in-base-text(.))">
            <xsl:if test="self::*"><xsl:sequence select="map{'e ' || generate-id(): max(($line, 1))}"/></xsl:if>
          </xsl:when>
          <xsl:when test="te:is-line-break(.)">
            <xsl:sequence select="map{'e ' || generate-id(): $line + 1, 'l ' || generate-id(): $line + 1}"/>
            <xsl:next-iteration>
              <xsl:with-param name="line" select="$line + 1"/>
              <xsl:with-param name="used" select="0"/>
              <xsl:with-param name="space" select="false()"/>
              <xsl:with-param name="block" select="string(te:line-block(.) ! generate-id(.))"/>
              <xsl:with-param name="pending" select="()"/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:when test="self::tei:supplied">
            <xsl:sequence select="map{'e ' || generate-id(): max(($line, 1))}"/>
            <xsl:next-iteration>
              <xsl:with-param name="pending" select="($pending, .)"/>
              <xsl:with-param name="glue" select="$glue + 1"/>
              <xsl:with-param name="glue-at" select="($glue-at, .)[1]"/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:when test="self::*[not(self::tei:gap or self::tei:pb[te:in-line(.)])]">
            <xsl:sequence select="map{'e ' || generate-id(): max(($line, 1))}"/>
            <xsl:next-iteration>
              <xsl:with-param name="pending" select="($pending, .)"/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:otherwise>
            <!-- Words: a text node, or what the edition prints for a gap or a page break in a line. -->
            <xsl:variable name="this-block" as="xs:string" select="string(te:line-block(.) ! generate-id(.))"/>
            <xsl:variable name="new-block" as="xs:boolean" select="$this-block ne $block"/>
            <xsl:variable name="text" as="xs:string" select="if (self::text()) then string(.) else te:added-text(.)"/>
            <xsl:variable name="start" as="xs:integer" select="te:leading($text, '^\s+')"/>
            <xsl:variable name="this" as="node()" select="."/>
            <!-- The "]" of each supplied text this is the last word of. -->
            <xsl:variable name="after" as="xs:integer" select="count(ancestor::tei:supplied[not(some $t in .//text()[normalize-space()]
              satisfies ($t >> $this and te:in-base-text($t)))])"/>
            <!-- (line, used, space, offset, line, kind, …) -->
            <xsl:variable name="state" as="xs:integer*" select="
              if ($new-block) then
                let $rest := te:wrap($text, $line + 1, 0, false(), $glue, $after)
                return ($rest[1], $rest[2], $rest[3], $start, $line + 1, 0, subsequence($rest, 4))
              else te:wrap($text, $line, $used, $space, $glue, $after)"/>
            <xsl:variable name="breaks" as="xs:integer*" select="subsequence($state, 4)"/>
            <xsl:variable name="first-on-new-line" as="xs:boolean" select="exists($breaks) and $breaks[1] = $start"/>
            <!-- A line that begins at the first word begins before the element the edition's text stands for, or
                 before the supplied text whose bracket opens it. -->
            <xsl:variable name="before-element" as="element()?" select="if ($first-on-new-line) then ($glue-at, self::*)[1] else ()"/>
            <!-- A block that begins inside a switched app: its number goes before the app (once per app). -->
            <xsl:variable name="outer" as="xs:string" select="string(te:outer-switched(.) ! generate-id(.))"/>
            <xsl:variable name="hoist" as="xs:boolean" select="$outer != '' and $outer != $hoisted and $new-block"/>
            <xsl:variable name="kept" as="xs:integer*" select="if ($hoist or exists($before-element)) then subsequence($breaks, 4) else $breaks"/>
            <xsl:sequence select="map:merge((
              if ($hoist) then map{'a ' || $outer: $line + 1}
              else if (exists($before-element)) then map{'b ' || generate-id($before-element): ($breaks[2], $breaks[3])} else (),
              if (exists($kept) and self::text()) then map{'t ' || generate-id(): $kept} else (),
              if (self::*) then map{'e ' || generate-id(): if ($first-on-new-line) then $breaks[2] else max(($line, 1))} else (),
              if ($first-on-new-line) then ($pending intersect ancestor-or-self::*) ! map{'e ' || generate-id(.): $breaks[2]} else ()))"/>
            <xsl:next-iteration>
              <xsl:with-param name="line" select="$state[1]"/>
              <xsl:with-param name="used" select="$state[2]"/>
              <xsl:with-param name="space" select="$state[3] = 1"/>
              <xsl:with-param name="block" select="$this-block"/>
              <xsl:with-param name="hoisted" select="if ($hoist) then $outer else $hoisted"/>
              <xsl:with-param name="pending" select="()"/>
              <xsl:with-param name="glue" select="0"/>
              <xsl:with-param name="glue-at" select="()"/>
            </xsl:next-iteration>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:iterate>
    </xsl:variable>
    <!-- An element's line is corrected when its first word turns out to begin a new line: the later value counts. -->
    <xsl:sequence select="map:merge($parts, map{'duplicates': 'use-last'})"/>
  </xsl:function>

  <!-- The line an element begins in; 0 outside the numbered text. -->
  <xsl:function name="te:line-of" as="xs:integer">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="(map:get($te:lines, 'e ' || generate-id($e)), 0)[1]"/>
  </xsl:function>

  <!-- The text of nodes as the reading text first shows it, spaces normalised. -->
  <xsl:function name="te:base-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="normalize-space(string-join(for $t in $nodes/descendant-or-self::text() return
      if (empty($t/ancestor::tei:note[some $n in $nodes satisfies exists(ancestor::node()[. is $n])]) and te:in-reading($t, $nodes)) then string($t) else '', ''))"/>
  </xsl:function>
  <!-- Inside $nodes: not in a non-base reading of an app that is itself inside $nodes. -->
  <xsl:function name="te:in-reading" as="xs:boolean">
    <xsl:param name="t" as="node()"/>
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="every $r in $t/ancestor::*[self::tei:lem or self::tei:rdg][exists(ancestor::node()[some $n in $nodes satisfies . is $n])]
      satisfies (empty($r/ancestor::tei:app) or $r is te:base-reading($r/ancestor::tei:app[1]))"/>
  </xsl:function>

  <!-- Who @resp or @source names: the resp or name of the element it points to in the document; for a pointer
       into another file (no file is read), the words of an element of this document that refers to the same
       target, such as the orgName of a respStmt; else the pointer. -->
  <xsl:function name="te:resp-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join(for $p in tokenize(normalize-space(string(($e/@resp, $e/@source)[1])), ' ') return
      let $local := if (starts-with($p, '#')) then key('te:id', substring($p, 2), root($e))[1] else ()
      return let $namer := if (empty($local)) then root($e)//*[@ref = $p][normalize-space() != ''][1] else ()
      return ((te:bibl-name($local), $local/tei:resp, $local/(tei:persName, tei:orgName, tei:name), $local/tei:title, $local/tei:abbr, $local, $namer)[normalize-space() != ''][1] ! normalize-space(.), $p)[1], '; ')"/>
  </xsl:function>

  <!-- The name an apparatus gives a work cited as the source of a reading (a bibl or biblStruct that @resp points
       to): its abbreviation; else the surnames of its authors, else of its editors (two at most, "et al." for
       more); else, for a bibl written out as running text ("Christian Friedrich Matthaei, Lectiones …"), its
       words up to the first comma. Nothing for any other element. -->
  <xsl:function name="te:bibl-name" as="xs:string?">
    <xsl:param name="e" as="element()?"/>
    <xsl:variable name="b" as="element()?" select="$e[self::tei:bibl or self::tei:biblStruct]"/>
    <xsl:variable name="people" as="element()*" select="($b//tei:author, $b//tei:editor[empty($b//tei:author)])"/>
    <xsl:variable name="names" as="xs:string*" select="$people ! normalize-space((tei:surname, .//tei:surname, tei:persName, tei:name, .)[normalize-space() != ''][1]/string-join(text() | *[not(self::tei:idno)], ' '))[. != '']"/>
    <xsl:sequence select="if (empty($b)) then ()
      else if ($b/tei:abbr[normalize-space() != '']) then normalize-space($b/tei:abbr[1])
      else if (exists($names)) then (if (count($names) gt 2) then $names[1] || ' et al.' else string-join($names, ' – '))
      else if (empty($b/*[not(self::tei:ref or self::tei:hi or self::tei:note)]) and contains(normalize-space($b), ',')) then substring-before(normalize-space(string-join($b/(text() | tei:hi), '')), ',')[. != '']
      else ()"/>
  </xsl:function>

  <!-- The words of a reference given only by @cRef (or @n): a canonical reference "CORPUS:BOOK:CHAPTER:VERSE", as the
       biblical refsDecl of the PTA declares it ("LXX:Gn:6:3", "NA:Jn:14:9-11", "LXX:Ps:2"), is printed as biblical
       references are in the notes of such editions: book, chapter, a comma, verse ("Gn 6,3", "Jn 14,9-11", "Ps 2");
       the corpus (the text edition cited, LXX, NA …) is left to the title. Any other value is printed as it is. -->
  <xsl:function name="te:cref-label" as="xs:string">
    <xsl:param name="cref" as="xs:string"/>
    <xsl:variable name="parts" as="xs:string*" select="tokenize(normalize-space($cref), ':')"/>
    <xsl:sequence select="if (count($parts) ge 2 and count($parts) le 4 and matches($parts[2], '^\p{L}|^\d\p{L}') and (every $p in $parts[position() gt 2] satisfies matches($p, '^\d')))
      then $parts[2] || (if (count($parts) ge 3) then ' ' || $parts[3] else '') || (if (count($parts) = 4) then ',' || $parts[4] else '')
      else normalize-space($cref)"/>
  </xsl:function>

  <!-- What stands in an empty reading. -->
  <xsl:function name="te:empty-reading" as="xs:string">
    <xsl:param name="r" as="element()"/>
    <xsl:sequence select="if (normalize-space($r) != '') then ''
      else if (empty($r/*)) then 'om.'
      else if (every $c in $r/* satisfies $c/self::tei:milestone[@unit = 'paragraph']) then '¶'
      else string-join(distinct-values($r/*/lower-case(te:label(local-name()))), ', ')"/>
  </xsl:function>

  <!-- The description of a textual intervention. -->
  <xsl:function name="te:textual-description" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="reason" as="xs:string?" select="$e/@reason ! translate(normalize-space(.), '-_', '  ')[. != '']"/>
    <xsl:variable name="by" as="xs:string?" select="te:resp-label($e)[. != '']"/>
    <xsl:variable name="extent" as="xs:string?" select="string-join(($e/@quantity, $e/@unit, $e/@extent) ! normalize-space(.), ' ')[. != '']"/>
    <xsl:variable name="head" as="xs:string">
      <xsl:choose>
        <xsl:when test="$e/self::tei:supplied">{te:t('supplied')}</xsl:when>
        <xsl:when test="$e/self::tei:gap">{te:t('tnOmitted')}</xsl:when>
        <xsl:when test="$e/self::tei:surplus">{te:t('tnSurplus')}</xsl:when>
        <xsl:when test="$e/self::tei:unclear">{te:t('tnUnclear')}</xsl:when>
        <xsl:when test="$e/self::tei:choice">{string-join($e/* ! (te:term(local-name()) || ': ' || (normalize-space(.)[. != ''], '—')[1]), '; ')}</xsl:when>
        <xsl:when test="$e/self::tei:sic">{te:t('tnSic')}</xsl:when>
        <xsl:when test="$e/self::tei:corr">{te:t('tnCorr')}</xsl:when>
        <xsl:when test="$e/self::tei:orig">{te:t('tnOrig')}</xsl:when>
        <xsl:when test="$e/self::tei:reg">{te:t('tnReg')}</xsl:when>
        <xsl:otherwise>{te:term(local-name($e))}</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="string-join(($head, $extent ! ('(' || . || ')'), $reason ! te:t('tnReason', map:entry('reason', .)), $by ! te:t('byResp', map:entry('resp', .)),
      $e/tei:desc ! normalize-space(.)), ', ') || '.'"/>
  </xsl:function>

  <!-- The words before a note in its block (at most six), or the text its @target points to. -->
  <xsl:function name="te:note-anchor" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="target" as="element()?" select="if (starts-with(normalize-space($note/@target), '#')) then key('te:id', substring-before(substring(normalize-space($note/@target), 2) || ' ', ' '), root($note))[1] else ()"/>
    <!-- A note standing in an app beside its readings speaks of the passage the app covers: its words are those
         the text shows there (the base reading), never the readings run together. A note inside a reading takes
         the words before it in that reading only. -->
    <xsl:variable name="app" as="element(tei:app)?" select="$note/parent::*[self::tei:app or self::tei:rdgGrp]/ancestor-or-self::tei:app[1]"/>
    <xsl:variable name="before" as="xs:string" select="if (exists($app)) then te:base-text(te:base-reading($app))
      else te:base-text($note/preceding-sibling::node()[position() le 4][not(self::tei:lem or self::tei:rdg or self::tei:rdgGrp or self::tei:witDetail or self::tei:note)])"/>
    <xsl:variable name="words" as="xs:string*" select="tokenize($before, ' ')[. != '']"/>
    <xsl:sequence select="if (exists($target)) then te:base-text($target) else string-join(subsequence($words, max((1, count($words) - 5))), ' ')"/>
  </xsl:function>

  <xsl:function name="te:entry-base" as="map(*)">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="series" as="xs:string"/>
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:sequence select="map{
      'id': '', 'document': '',
      'localId': $te:gen || $prefix || '-' || $number, 'markerId': $te:gen || $prefix || 'ref-' || $number,
      'series': $series, 'number': $number, 'label': $label,
      'element': local-name($e), 'xmlId': string($e/@xml:id), 'type': string($e/@type),
      'line': te:line-of($e), 'lemma': '', 'readings': array{}, 'resp': te:resp-label($e)}"/>
  </xsl:function>

  <!-- Every entry of the document, series by series, each in document order. -->
  <xsl:function name="te:apparatus-model" as="map(*)*">
    <xsl:param name="text" as="element()*"/>
    <xsl:for-each select="te:scope-elements($text)/self::tei:note[not(te:is-textual(.))]">
      <xsl:variable name="n" as="xs:integer" select="te:number('note', .)"/>
      <xsl:sequence select="map:merge((te:entry-base(., 'explanatory', $n, 'note', string($n)), map{
        'anchorText': te:note-anchor(.),
        (: A note is in the editors' language, not in that of the passage it stands in: only its own
           @xml:lang (or that of the note it is part of) says otherwise. :)
        'lang': string((ancestor-or-self::tei:note[@xml:lang])[last()]/@xml:lang),
        'note': map{'html': te:serialise(te:html-of(node())), 'text': normalize-space(string-join(te:plain-of(node()), ''))}}), map{'duplicates': 'use-last'})"/>
    </xsl:for-each>
    <xsl:for-each select="te:scope-elements($text)[te:is-textual(.)]">
      <xsl:variable name="n" as="xs:integer" select="te:number('textual', .)"/>
      <xsl:choose>
        <!-- The editors' own note on the text (note type="textual"): in the textual series, in its own words. -->
        <xsl:when test="self::tei:note">
          <xsl:sequence select="map:merge((te:entry-base(., 'textual', $n, 'tn', te:letters($n)), map{
            'anchorText': te:note-anchor(.),
            'lang': string((ancestor-or-self::tei:note[@xml:lang])[last()]/@xml:lang),
            'note': map{'html': te:serialise(te:html-of(node())), 'text': normalize-space(string-join(te:plain-of(node()), ''))}}), map{'duplicates': 'use-last'})"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="description" as="xs:string" select="te:textual-description(.)"/>
          <xsl:sequence select="map:merge((te:entry-base(., 'textual', $n, 'tn', te:letters($n)), map{
            'anchorText': if (self::tei:gap) then '[…]' else te:base-text(.),
            'note': map{'html': te:serialise(te:text-span($description)), 'text': $description}}), map{'duplicates': 'use-last'})"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:for-each select="te:scope-elements($text)/self::tei:app">
      <xsl:variable name="n" as="xs:integer" select="te:number('app', .)"/>
      <xsl:variable name="app" as="element(tei:app)" select="."/>
      <xsl:variable name="base" as="element()?" select="te:base-reading(.)"/>
      <xsl:variable name="details" as="element()*" select="tei:witDetail"/>
      <xsl:sequence select="map:merge((te:entry-base(., 'critical', $n, 'app', string(te:line-of(.))), map{
        'anchorText': if (exists($base)) then te:base-text($base) else '',
        'lemma': if (exists($base)) then te:base-text($base) else '',
        'readings': array{ for $r in te:readings(.) return map{
          'kind': local-name($r),
          'text': te:base-text($r),
          'html': te:serialise(te:reading-html($r)),
          'empty': te:empty-reading($r),
          'witnesses': array{ te:wit-keys($r) },
          'sigla': array{ tokenize(normalize-space($r/@wit), ' ') ! te:siglum(., $r) },
          'sources': array{ tokenize(normalize-space($r/@source), ' ') },
          'type': string($r/@type),
          'resp': te:resp-label($r),
          'segments': array{ te:segments($r/node()) }} },
        'resp': string(($base[self::tei:lem] ! te:resp-label(.))[1]),
        'note': map{'html': te:serialise(te:app-note-html(.)), 'text': normalize-space(string-join($details ! string(.), ' '))}}), map{'duplicates': 'use-last'})"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The text of nodes as segments, so that any witness can be rebuilt from the model alone: strings for the
       text all witnesses share, map{'app': local id} where an app stands (its readings carry their own segments).
       A new line ('&#10;') where a numbered line begins (blocks, breaks, and lines the model wraps), so that the
       first witness's text, line by line, is the edition's lines; notes, running heads, register entries and the
       apparatus's own notes (witDetail) are left out; a gap is '[...]' and a supplied text bracketed, as the page shows them;
       a choice gives the alternative the page shows. Adjacent strings are joined by the caller. -->
  <xsl:function name="te:segments" as="item()*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:for-each select="$nodes">
      <xsl:choose>
        <xsl:when test="self::text()">
          <!-- A numbered line that begins inside the text node (offsets from the line map; kind 1: inside a block). -->
          <xsl:variable name="breaks" as="xs:integer*" select="map:get($te:lines, 't ' || generate-id())"/>
          <xsl:variable name="cuts" as="xs:integer*" select="for $i in 1 to count($breaks) idiv 3 return $breaks[3 * $i - 2][$breaks[3 * $i] = 1]"/>
          <xsl:variable name="text" as="xs:string" select="string(.)"/>
          <!-- The source's own line ends and indentation are white space, one space: only the model's lines are lines. -->
          <xsl:sequence select="string-join(for $i in 1 to count($cuts) + 1 return
            replace(substring($text, ($cuts[$i - 1], 0)[1] + 1, ($cuts[$i], string-length($text))[1] - ($cuts[$i - 1], 0)[1]), '\s+', ' '), '&#10;')"/>
        </xsl:when>
        <xsl:when test="self::tei:note or self::tei:teiHeader or self::tei:fw or self::tei:figDesc or self::tei:witDetail or self::tei:wit
          or self::tei:div[@type = ('introduction', 'preface')] or self::comment() or self::processing-instruction()
          or self::tei:listPerson or self::tei:listPlace or self::tei:listOrg or self::tei:listObject or self::tei:listEvent
          or self::tei:listNym or self::tei:listBibl or self::tei:listRelation or exists(. intersect $te:register-parts)"/>
        <!-- Another part of a file cut into documents has its own page (common/parts.xsl). -->
        <xsl:when test="self::*[te:is-unit(.)]"/>
        <xsl:when test="self::tei:app"><xsl:sequence select="map{'app': $te:gen || 'app-' || te:number('app', .)}"/></xsl:when>
        <xsl:when test="self::tei:gap or self::tei:pb[te:in-line(.)]">
          <xsl:sequence select="(if (map:contains($te:lines, 'b ' || generate-id())) then '&#10;' else (), te:added-text(.))"/>
        </xsl:when>
        <xsl:when test="self::tei:space"><xsl:sequence select="' '"/></xsl:when>
        <xsl:when test="self::tei:supplied">
          <xsl:sequence select="(if (map:contains($te:lines, 'b ' || generate-id())) then '&#10;' else (), '[', te:segments(node()), ']')"/>
        </xsl:when>
        <xsl:when test="self::tei:choice"><xsl:sequence select="te:segments((tei:sic, tei:orig, tei:abbr, *)[1])"/></xsl:when>
        <!-- A break begins a line of the text only where it begins a numbered line; in another witness's reading it is
             a word boundary, unless the source says it breaks a word. -->
        <xsl:when test="te:is-line-break(.)">
          <xsl:sequence select="if (map:contains($te:lines, 'l ' || generate-id())) then '&#10;' else if (@break = 'no') then '' else ' '"/>
        </xsl:when>
        <xsl:when test="te:is-line-block(.)">
          <xsl:sequence select="('&#10;', te:segments(node()), '&#10;')"/>
        </xsl:when>
        <xsl:otherwise><xsl:sequence select="te:segments(node())"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="te:text-span" as="element()">
    <xsl:param name="text" as="xs:string"/>
    <span class="tn-text">{$text}</span>
  </xsl:function>

  <!-- A reading as HTML for the apparatus: its text without line numbers, with the markers of the notes,
       interventions and apps in it that the reading text does not show (te:marker-here): its entry prints them. -->
  <xsl:function name="te:reading-html" as="node()*">
    <xsl:param name="r" as="element()"/>
    <xsl:apply-templates select="$r/node()" mode="te:html">
      <xsl:with-param name="in-apparatus" select="true()" tunnel="yes"/>
      <xsl:with-param name="entry-app" select="$r/ancestor::tei:app[1]" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:function>

  <!-- What an app says beside its readings, as HTML: the details of its witnesses, and the markers of the notes
       standing in it (their entries are printed with the app's). -->
  <xsl:function name="te:app-note-html" as="node()*">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:apply-templates select="$app/tei:witDetail/node() | $app/tei:note" mode="te:html">
      <xsl:with-param name="in-apparatus" select="true()" tunnel="yes"/>
      <xsl:with-param name="entry-app" select="$app" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:function>
</xsl:stylesheet>
