<?xml version="1.0" encoding="UTF-8"?>
<!-- Pure functions: ids, links, labels, dates (in the words of the interface's language: $labels, $dates). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:key name="te:id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- An id safe in HTML and in file names, by the behaviour table's rule (src/transform/behaviours.ts
       safeId applies the same): decomposed, marks dropped ("Müller" → "Muller"), every run of other
       characters one '_'. -->
  <xsl:function name="te:safe-id" as="xs:string">
    <xsl:param name="raw" as="xs:string"/>
    <xsl:variable name="rule" as="map(*)" select="$behaviours?ids"/>
    <xsl:variable name="cleaned" as="xs:string" select="replace(replace(normalize-unicode(normalize-space($raw), $rule?normalization), $rule?drop, ''),
      '[^' || $rule?allowed || ']+', $rule?replacement)"/>
    <xsl:sequence select="if ($cleaned = '') then $rule?replacement else $cleaned"/>
  </xsl:function>

  <!-- The absolute form of a reference made in $context's document, or () when it cannot be resolved. -->
  <xsl:function name="te:absolute" as="xs:string?">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:try>
      <xsl:sequence select="string(resolve-uri($uri, base-uri($context)))"/>
      <xsl:catch select="()"/>
    </xsl:try>
  </xsl:function>

  <!-- The key of an absolute URI: its path from the edition's folder ($base), or the URI itself when it
       lies outside. -->
  <xsl:function name="te:key" as="xs:string">
    <xsl:param name="absolute" as="xs:string"/>
    <xsl:sequence select="if ($base != '' and starts-with($absolute, $base)) then substring($absolute, string-length($base) + 1) else $absolute"/>
  </xsl:function>

  <!-- The part of a URI before '#'. -->
  <xsl:function name="te:file-part" as="xs:string">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:sequence select="if (contains($uri, '#')) then substring-before($uri, '#') else $uri"/>
  </xsl:function>

  <!-- The fragment of a URI, or ''. -->
  <xsl:function name="te:fragment" as="xs:string">
    <xsl:param name="uri" as="xs:string"/>
    <xsl:sequence select="substring-after($uri, '#')"/>
  </xsl:function>

  <!-- A link target for a TEI pointer, or () when it must not become a link: only http, https, mailto,
       fragments and references to files of the edition are linked. Links into the edition are keys, never an
       output's address: 'edition:PATH#ID' (a source file of the edition, PATH from $base) and
       'register:LIST#ID' (an entry of the register made of the lists documents carry), 'key:VALUE' (an entry
       named by @key, matched by the build); '#ID' stays in the document. Each output resolves them (src/render/link-keys.ts). -->
  <xsl:function name="te:href" as="xs:string?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="first" as="xs:string" select="(tokenize(normalize-space($pointer), ' ')[1], '')[1]"/>
    <xsl:choose>
      <xsl:when test="$first = ''"><xsl:sequence select="()"/></xsl:when>
      <!-- A key (te:pointers) is matched to its entry by the build, which drops the link if none answers. -->
      <xsl:when test="starts-with($first, 'key:')"><xsl:sequence select="$first"/></xsl:when>
      <xsl:when test="exists(te:embedded-target($first, $context))">
        <xsl:variable name="list" as="xs:string" select="te:embedded-register(te:embedded-target($first, $context))"/>
        <xsl:sequence select="'register:' || $list || '#' || te:safe-id(substring($first, 2))"/>
      </xsl:when>
      <!-- Inside a register entry, which is shown on a register page, a fragment of the document's page would not resolve. -->
      <xsl:when test="starts-with($first, '#') and te:in-register-list($context)"><xsl:sequence select="()"/></xsl:when>
      <xsl:when test="starts-with($first, '#')">
        <!-- The same page, or, in a file cut into documents, the page of the part that renders it (common/parts.xsl). -->
        <xsl:sequence select="te:local-href(substring($first, 2), $context)"/>
      </xsl:when>
      <xsl:when test="matches($first, '^(https?|mailto):', 'i')">
        <xsl:sequence select="if (matches($first, '^[^\s&lt;&gt;&quot;]+$')) then $first else ()"/>
      </xsl:when>
      <xsl:when test="matches($first, '^[A-Za-z][A-Za-z0-9+.\-]*:')"><xsl:sequence select="()"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="absolute" as="xs:string?" select="te:absolute($first, $context)"/>
        <xsl:variable name="file" as="xs:string?" select="if (exists($absolute)) then te:key(te:file-part($absolute)) else ()"/>
        <xsl:sequence select="if (exists($file) and $file = $files) then 'edition:' || $file || (if (te:fragment($absolute) != '') then '#' || te:safe-id(te:fragment($absolute)) else '') else ()"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- What links an element to a register entry, as pointers: its @ref, any element's; for a name, a term or a
       gloss also its @corresp ('#id', 'file.xml#id'), for a term or gloss its @target, and failing those its @key,
       as 'key:VALUE' (the value URI-encoded). A key names an entry by a value the whole edition shares, so only the
       build, which knows every register, can match it (src/render/entry-keys.ts). -->
  <xsl:function name="te:pointers" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="linkable" as="xs:boolean" select="namespace-uri($e) = 'http://www.tei-c.org/ns/1.0'
      and (te:phrase($e) = 'name' or local-name($e) = ('term', 'gloss'))"/>
    <xsl:sequence select="if (empty($e/(@ref, @corresp, @target, @key))) then ()
      else if (normalize-space($e/@ref) != '') then tokenize(normalize-space($e/@ref), ' ')
      else if (not($linkable)) then ()
      else if (normalize-space($e/@corresp) != '') then tokenize(normalize-space($e/@corresp), ' ')
      else if (local-name($e) = ('term', 'gloss') and normalize-space($e/@target) != '') then tokenize(normalize-space($e/@target), ' ')
      else if (normalize-space($e/@key) != '') then 'key:' || encode-for-uri(normalize-space($e/@key))
      else ()"/>
  </xsl:function>

  <!-- The keys (paths from $base, see te:key) of every pointer of an element (te:pointers); a pointer to an entry
       of a register the document carries has the entry's one key across documents (common/registers.xsl); a key
       stays 'key:VALUE' until the build matches it. -->
  <xsl:function name="te:ref-keys" as="xs:string*">
    <xsl:param name="element" as="element()"/>
    <xsl:for-each select="te:pointers($element)">
      <xsl:variable name="entry" as="element()?" select="te:embedded-target(., $element)"/>
      <xsl:sequence select="if (exists($entry)) then te:register-key(te:embedded-register($entry), $entry/@xml:id)
        else if (starts-with(., 'key:')) then .
        else if (matches(., '^[A-Za-z][A-Za-z0-9+.\-]*:') and not(starts-with(., 'file:'))) then . else te:absolute(., $element) ! te:key(.)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The siglum of a witness pointer. -->
  <xsl:function name="te:siglum" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="absolute" as="xs:string" select="(te:absolute($pointer, $context), $pointer)[1]"/>
    <xsl:variable name="id" as="xs:string" select="if (contains($pointer, '#')) then substring-after($pointer, '#') else $pointer"/>
    <xsl:variable name="local" as="element()?" select="key('te:id', $id, root($context))[self::tei:witness][1]"/>
    <xsl:sequence select="(map:get($sigla, $absolute), $local/tei:abbr[@type = 'siglum']/normalize-space(), $local/@n/string(), replace($id, '^wit-', ''))[. != ''][1]"/>
  </xsl:function>

  <!-- The witness keys (absolute) of a reading. -->
  <xsl:function name="te:wit-keys" as="xs:string*">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="for $w in tokenize(normalize-space($reading/@wit), ' ') return (te:absolute($w, $reading), $w)[1]"/>
  </xsl:function>

  <!-- How an element is rendered, from the behaviour table: as a block ($behaviours?blocks: 'paragraph',
       'heading', 'block' …; a new line of the edition begins at every block), or inline ($behaviours?phrases:
       'name', 'link', 'emphasis' …; 'editorial' for what the apparatus model's templates render). The element
       templates match these roles, not element names, so the table decides. An element listed under
       inlineInParagraph is a phrase inside a paragraph; one listed under blockWhenHolding is a block only
       when it holds one of the elements given (a quotation made of paragraphs or verse). -->
  <xsl:variable name="te:block-roles" as="map(*)" select="$behaviours?blocks"/>
  <xsl:variable name="te:phrase-roles" as="map(*)" select="$behaviours?phrases"/>
  <xsl:variable name="te:inline-in-paragraph" as="xs:string*" select="data($behaviours?inlineInParagraph) ! string(.)"/>
  <xsl:variable name="te:block-when-holding" as="map(*)" select="$behaviours?blockWhenHolding"/>
  <xsl:function name="te:block" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="name" as="xs:string" select="local-name($e)"/>
    <xsl:variable name="role" as="xs:string?" select="if (namespace-uri($e) = 'http://www.tei-c.org/ns/1.0') then $te:block-roles($name) else ()"/>
    <xsl:sequence select="if (empty($role)) then ()
      else if ($name = $te:inline-in-paragraph and exists($e/ancestor::tei:p)) then ()
      else if (map:contains($te:block-when-holding, $name) and empty($e/*[local-name() = data($te:block-when-holding($name))])) then ()
      else $role"/>
  </xsl:function>
  <xsl:function name="te:phrase" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (namespace-uri($e) = 'http://www.tei-c.org/ns/1.0') then $te:phrase-roles(local-name($e)) else ()"/>
  </xsl:function>

  <!-- How the source renders an element, as the edition's rendition names: from @rend tokens (with their common
       spellings: "sc", "small-caps", "superscript", "strong" …), from @style, and from the CSS of the tagsDecl
       renditions @rendition points to. Only these names reach the page, as classes (r-italic, r-smallcaps …):
       the source's CSS itself never does (the pages allow no inline style, and CSS from a source is not trusted). -->
  <xsl:variable name="te:rend-names" as="map(xs:string, xs:string)" select="map{
    'italic': 'italic', 'i': 'italic', 'it': 'italic', 'ital': 'italic', 'italics': 'italic', 'sectiontitleital': 'italic',
    'bold': 'bold', 'b': 'bold', 'strong': 'bold', 'bo': 'bold',
    'smallcaps': 'smallcaps', 'small-caps': 'smallcaps', 'sc': 'smallcaps', 'smcap': 'smallcaps', 'small_caps': 'smallcaps',
    'underline': 'underline', 'u': 'underline', 'ul': 'underline', 'underlined': 'underline',
    'sup': 'sup', 'superscript': 'sup', 'super': 'sup', 'sub': 'sub', 'subscript': 'sub',
    'roman': 'roman', 'normal': 'roman', 'upright': 'roman', 'rm': 'roman',
    'strikethrough': 'strike', 'line-through': 'strike', 'strike': 'strike', 'overstrike': 'strike',
    'spaced': 'spaced', 'letterspace': 'spaced', 'gesperrt': 'spaced', 'spaced-out': 'spaced',
    'center': 'center', 'centre': 'center', 'centered': 'center', 'right': 'right', 'rightjustified': 'right', 'align-right': 'right',
    'left': 'left', 'flushleft': 'left', 'align-left': 'left'}"/>
  <xsl:function name="te:renditions" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="css" as="xs:string" select="lower-case(string-join(($e/@style,
      for $r in tokenize(normalize-space($e/@rendition), ' ')[starts-with(., '#')] return key('te:id', substring($r, 2), root($e))[self::tei:rendition]), ';'))"/>
    <xsl:sequence select="distinct-values((
      for $t in tokenize(lower-case(normalize-space($e/@rend)), '[\s,;]+')[. != ''] return $te:rend-names($t),
      if (matches($css, 'font-style\s*:\s*italic')) then 'italic' else (),
      if (matches($css, 'font-style\s*:\s*normal')) then 'roman' else (),
      if (matches($css, 'font-weight\s*:\s*(bold|[6-9]00)')) then 'bold' else (),
      if (matches($css, 'font-variant\s*:\s*small-caps')) then 'smallcaps' else (),
      if (matches($css, 'text-decoration[^;]*underline')) then 'underline' else (),
      if (matches($css, 'text-decoration[^;]*line-through')) then 'strike' else (),
      if (matches($css, 'vertical-align\s*:\s*super')) then 'sup' else (),
      if (matches($css, 'vertical-align\s*:\s*sub')) then 'sub' else (),
      if (matches($css, 'letter-spacing')) then 'spaced' else (),
      if (matches($css, 'text-align\s*:\s*center')) then 'center' else (),
      if (matches($css, 'text-align\s*:\s*right|float\s*:\s*right')) then 'right' else ()))"/>
  </xsl:function>

  <!-- ===== the interface's words ($labels, $dates: src/templates/labels/<lang>.json, read by src/render/labels.ts too) ===== -->

  <!-- A text with its {placeholders} filled from $values, in one pass (a value is never read as a pattern or
       filled again); a placeholder without a value stays as it is. As fill() in src/labels/labels.ts. -->
  <xsl:function name="te:fill" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="values" as="map(*)"/>
    <xsl:sequence select="string-join(analyze-string($text, '\{(\w+)\}')/* ! (if (local-name() = 'match' and map:contains($values, string(*[1])))
      then string($values(string(*[1]))) else string(.)), '')"/>
  </xsl:function>

  <!-- A label of the interface: the text of $key in the edition's language (a counted label's "other" form). -->
  <xsl:function name="te:t" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="value" as="item()?" select="$labels($key)"/>
    <xsl:sequence select="if (empty($value)) then error(xs:QName('te:no-label'), 'no interface label ' || $key)
      else if ($value instance of map(*)) then string($value?other) else string($value)"/>
  </xsl:function>
  <xsl:function name="te:t" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="map(*)"/>
    <xsl:sequence select="te:fill(te:t($key), $values)"/>
  </xsl:function>

  <!-- The word for a TEI element or value the interface names (a correspAction's type, a part of a choice, of
       editorialDecl or of a register entry): its label "tei:NAME", else the name made readable (te:label). -->
  <xsl:function name="te:term" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="(for $v in $labels('tei:' || $name) return (if ($v instance of map(*)) then string($v?other) else string($v)), te:label($name))[1]"/>
  </xsl:function>

  <xsl:variable name="te:months" as="xs:string+" select="data($dates?months) ! string(.)"/>
  <xsl:variable name="te:months-with-day" as="xs:string+" select="data($dates?monthsWithDay) ! string(.)"/>

  <!-- The parts of an ISO date (YYYY, YYYY-MM, YYYY-MM-DD, each with an optional time hh:mm[:ss] after 'T' and
       an optional time zone): the sign, the year (any number of digits), month, day, hour, minute; () when $iso
       is not such a date or its month or day is out of range. src/render/date-labels.ts (dateParts) reads the same. -->
  <xsl:function name="te:date-parts" as="xs:string*">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="pattern" as="xs:string" select="'^(-?)(\d{4,})(-(\d{2})(-(\d{2})(T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?)?)?)?(Z|[+\-]\d{2}:\d{2})?$'"/>
    <xsl:variable name="s" as="xs:string" select="normalize-space($iso)"/>
    <xsl:variable name="parts" as="xs:string*" select="if (matches($s, $pattern)) then (for $n in (1, 2, 4, 6, 8, 9) return replace($s, $pattern, '$' || $n)) else ()"/>
    <xsl:sequence select="if (empty($parts)) then ()
      else if ($parts[3] != '' and not(xs:integer($parts[3]) = 1 to 12)) then ()
      else if ($parts[4] != '' and not(xs:integer($parts[4]) = 1 to 31)) then ()
      else if ($parts[5] != '' and (xs:integer($parts[5]) gt 24 or xs:integer($parts[6]) gt 59)) then ()
      else $parts"/>
  </xsl:function>

  <!-- A year for reading: no leading zeros ("0030" → "30"); a negative year is a year before the common era,
       counted as written ("-0044" → "44 BCE", by the language's pattern). -->
  <xsl:function name="te:year-label" as="xs:string">
    <xsl:param name="sign" as="xs:string"/>
    <xsl:param name="year" as="xs:string"/>
    <xsl:sequence select="if ($sign = '-') then te:fill($dates?beforeEra, map{'year': string(xs:integer($year))}) else string(xs:integer($year))"/>
  </xsl:function>

  <!-- A day of the month in the language's form: "30", "30.", the first as "1er" in French. -->
  <xsl:function name="te:day-label" as="xs:string">
    <xsl:param name="day" as="xs:string"/>
    <xsl:sequence select="te:fill($dates?day, map{'day': if (xs:integer($day) = 1) then string($dates?firstOfMonth) else string(xs:integer($day))})"/>
  </xsl:function>

  <!-- A day and its month: "30 June", "30. Juni", Latin "30 Iunii" (the month's form after a day). -->
  <xsl:function name="te:day-month-label" as="xs:string">
    <xsl:param name="day" as="xs:string"/>
    <xsl:param name="month" as="xs:string"/>
    <xsl:sequence select="te:day-label($day) || ' ' || $te:months-with-day[xs:integer($month)]"/>
  </xsl:function>

  <!-- An ISO date in words: "1951-06-30" → "30 June 1951", "1951-06" → "June 1951", "0030" → "30",
       "1949-01-14T14:00:00" → "14 January 1949, 14:00"; anything else unchanged. -->
  <xsl:function name="te:date-label" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:variable name="p" as="xs:string*" select="te:date-parts($iso)"/>
    <xsl:variable name="date" as="xs:string?" select="if (empty($p)) then ()
      else if ($p[4] != '') then te:day-month-label($p[4], $p[3]) || ' ' || te:year-label($p[1], $p[2])
      else if ($p[3] != '') then $te:months[xs:integer($p[3])] || ' ' || te:year-label($p[1], $p[2])
      else te:year-label($p[1], $p[2])"/>
    <xsl:sequence select="if (empty($p)) then $iso else if ($p[5] != '') then te:fill($dates?time, map{'date': $date, 'time': $p[5] || ':' || $p[6]}) else $date"/>
  </xsl:function>

  <!-- A range of ISO dates in words: equal ends collapse ("1 August 1531"); ends within one month or one
       year share it ("10–15 July 1951", "10 June – 15 July 1951", "June–July 1951"); other ends are joined
       by a dash, spaced when an end has more than one word. An empty end gives the other alone. -->
  <xsl:function name="te:date-range-label" as="xs:string">
    <xsl:param name="from" as="xs:string"/>
    <xsl:param name="to" as="xs:string"/>
    <xsl:variable name="a" as="xs:string*" select="te:date-parts($from)"/>
    <xsl:variable name="b" as="xs:string*" select="te:date-parts($to)"/>
    <xsl:variable name="plain" as="xs:boolean" select="exists($a) and exists($b) and $a[5] = '' and $b[5] = '' and $a[1] = $b[1] and xs:integer($a[2]) = xs:integer($b[2])"/>
    <xsl:choose>
      <xsl:when test="normalize-space($to) = '' or normalize-space($to) = normalize-space($from)"><xsl:sequence select="te:date-label($from)"/></xsl:when>
      <xsl:when test="normalize-space($from) = ''"><xsl:sequence select="te:date-label($to)"/></xsl:when>
      <xsl:when test="exists($a) and exists($b) and deep-equal($a, $b)"><xsl:sequence select="te:date-label($from)"/></xsl:when>
      <xsl:when test="$plain and $a[4] != '' and $b[4] != '' and $a[3] = $b[3]">
        <xsl:sequence select="te:day-label($a[4]) || '–' || te:date-label($to)"/>
      </xsl:when>
      <xsl:when test="$plain and $a[4] != '' and $b[4] != ''">
        <xsl:sequence select="te:day-month-label($a[4], $a[3]) || ' – ' || te:date-label($to)"/>
      </xsl:when>
      <xsl:when test="$plain and $a[3] != '' and $a[4] = '' and $b[3] != '' and $b[4] = ''">
        <xsl:sequence select="$te:months[xs:integer($a[3])] || '–' || te:date-label($to)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="first" as="xs:string" select="te:date-label($from)"/>
        <xsl:variable name="last" as="xs:string" select="te:date-label($to)"/>
        <xsl:sequence select="$first || (if (contains($first, ' ') or contains($last, ' ')) then ' – ' else '–') || $last"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A letter label for the nth apparatus entry: a … z, aa … -->
  <xsl:function name="te:letters" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n le 26) then codepoints-to-string(96 + $n) else te:letters(($n - 1) idiv 26) || codepoints-to-string(97 + ($n - 1) mod 26)"/>
  </xsl:function>

  <!-- A readable label for a TEI element name: "addrLine" → "Addr line". -->
  <xsl:function name="te:label" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="spaced" as="xs:string" select="lower-case(replace($name, '([a-z])([A-Z])', '$1 $2'))"/>
    <xsl:sequence select="upper-case(substring($spaced, 1, 1)) || substring($spaced, 2)"/>
  </xsl:function>
</xsl:stylesheet>
