<?xml version="1.0" encoding="UTF-8"?>
<!-- Documents inside a file (a volume of a documentary series: a FRUS file holds hundreds of
     div type="document"). When the build names what one document is ($document-pattern, e.g. div with
     @type 'document'), the file is cut into parts, each with a page of its own, rendered in the one run over
     the file (xslt/html/volume.xsl):
     - every document: the outermost elements of the text that match the pattern;
     - every division of the front and back that holds no document and has not become a register
       (common/registers.xsl: FRUS's persons and terms), each a page of its own (preface, sources, index …);
     - the rest of the file: the volume itself, whose page is its contents (title page, the headings of its
       compilations and chapters, and an entry for each document and division).
     Notes, paragraphs, apparatus entries and lines are numbered per part (numbering.xsl, te:lines): each part
     is read on its own page. With no pattern, or none of it in the file, nothing here applies and the file is
     one document, as before. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all">

  <xsl:variable name="te:part-element" as="xs:string" select="string(($document-pattern?element, '')[1])"/>
  <xsl:variable name="te:part-attribute" as="xs:string" select="string(($document-pattern?attribute, '')[1])"/>
  <xsl:variable name="te:part-value" as="xs:string?" select="$document-pattern?value ! string(.)"/>

  <!-- Whether an element is what the build calls one document: the pattern's TEI element, with the attribute
       (by its name as written, so "xml:id" too) and value when the pattern gives them. -->
  <xsl:function name="te:matches-document" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$te:part-element != '' and local-name($e) = $te:part-element and namespace-uri($e) = 'http://www.tei-c.org/ns/1.0'
      and ($te:part-attribute = '' or (some $a in $e/@* satisfies (name($a) = $te:part-attribute and (empty($te:part-value) or string($a) = $te:part-value))))"/>
  </xsl:function>

  <!-- The documents of the file: the outermost matches in its text (a document inside a document stays part of
       it), when there are at least as many as the pattern's "minimum" (a folder build cuts a file only when it
       holds two or more: one is the file itself). -->
  <xsl:variable name="te:document-roots" as="element()*">
    <xsl:variable name="found" as="element()*" select="if ($te:part-element = '') then ()
      else /*/tei:text//*[local-name() = $te:part-element][te:matches-document(.)][empty(ancestor::*[te:matches-document(.)])]"/>
    <xsl:sequence select="if (count($found) ge max((1, ($document-pattern?minimum, 1)[1]))) then $found else ()"/>
  </xsl:variable>
  <xsl:variable name="te:splitting" as="xs:boolean" select="exists($te:document-roots)"/>

  <!-- The divisions of the front and back that get a page of their own: no document in them, and not a register
       (those are the registers' pages). The title page and anything else that is not a division stay on the
       volume's page. -->
  <xsl:variable name="te:pieces" as="element()*" select="if (not($te:splitting)) then ()
    else /*/tei:text/(tei:front | tei:back)/*[te:block(.) = 'section'][empty(descendant-or-self::*[te:matches-document(.)])][not(te:in-register-list(.))]"/>

  <!-- The divisions of the front and back that became registers: on the volume's page, each is an entry leading to
       its register's page, which carries the ids of the page breaks in it (an index or a table of contents refers
       to the page a list of persons begins on). -->
  <xsl:variable name="te:register-pieces" as="element()*" select="if (not($te:splitting)) then ()
    else /*/tei:text/(tei:front | tei:back)/*[te:block(.) = 'section'][empty(descendant-or-self::*[te:matches-document(.)])][te:in-register-list(.)]"/>
  <xsl:variable name="te:register-piece-ids" as="map(xs:string, element())" select="map:merge($te:register-pieces ! map{generate-id(.): .})"/>

  <!-- Every part but the volume's own page, in document order; and the same by generate-id. -->
  <xsl:variable name="te:units" as="element()*" select="$te:document-roots | $te:pieces"/>
  <xsl:variable name="te:unit-ids" as="map(xs:string, element())" select="map:merge($te:units ! map{generate-id(.): .})"/>

  <xsl:function name="te:is-unit" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$te:splitting and map:contains($te:unit-ids, generate-id($e))"/>
  </xsl:function>

  <!-- The part a node stands in: its document or division; () for the volume's own page (and when not splitting). -->
  <xsl:function name="te:unit-of" as="element()?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="if ($te:splitting) then $node/ancestor-or-self::*[map:contains($te:unit-ids, generate-id(.))][1] else ()"/>
  </xsl:function>

  <!-- Everything of the text outside the parts (the volume's own page), in document order: the parts are not
       entered, so this costs what the volume's page holds, not the whole file. Nor are the divisions that became
       registers: their words are on the registers' pages, and the volume's page has an entry for each. -->
  <xsl:function name="te:outside-units" as="node()*">
    <xsl:param name="parent" as="node()"/>
    <xsl:for-each select="$parent/node()">
      <xsl:if test="not(self::* and (map:contains($te:unit-ids, generate-id(.)) or map:contains($te:register-piece-ids, generate-id(.))))">
        <xsl:sequence select="., te:outside-units(.)"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>
  <xsl:variable name="te:loose" as="node()*" select="if ($te:splitting) then /*/tei:text ! te:outside-units(.) else ()"/>

  <!-- A page break (or another empty marker with an xml:id) between parts opens the page of the part that
       follows it when nothing but other breaks stands between them: a back-of-book index refers to pages,
       and the page a document begins on is that document's. One followed by a heading of the volume (a
       chapter's) stays on the volume's page with it. Break → the part it opens. -->
  <xsl:variable name="te:attached" as="map(xs:string, element())">
    <xsl:map>
      <xsl:for-each select="$te:loose/self::*[self::tei:pb or self::tei:cb or self::tei:milestone or self::tei:anchor][@xml:id]">
        <xsl:variable name="next" as="element()?" select="following::*[not(self::tei:pb or self::tei:cb or self::tei:milestone or self::tei:anchor or self::tei:lb)][1]"/>
        <xsl:variable name="words" as="text()?" select="following::text()[normalize-space()][1]"/>
        <xsl:if test="exists($next) and map:contains($te:unit-ids, generate-id($next)) and (empty($words) or not($words &lt;&lt; $next))">
          <xsl:map-entry key="generate-id()" select="$next"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <!-- The breaks that open a part, in document order. -->
  <xsl:function name="te:attached-to" as="element()*">
    <xsl:param name="unit" as="element()"/>
    <xsl:sequence select="$te:loose/self::*[map:contains($te:attached, generate-id(.))][$te:attached(generate-id(.)) is $unit]"/>
  </xsl:function>

  <!-- Where an element is rendered: its part (a break between parts: the part it opens); () for the volume's page. -->
  <xsl:function name="te:home" as="element()?">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="if (not($te:splitting)) then () else if ($e instance of element() and map:contains($te:attached, generate-id($e))) then $te:attached(generate-id($e)) else te:unit-of($e)"/>
  </xsl:function>

  <!-- The key of this file (its path from the edition's folder): links from one part to another name it. -->
  <xsl:variable name="te:self-key" as="xs:string" select="te:key(te:file-part(string(base-uri(/))))"/>

  <!-- The link to an element of this file ('#ID' in a source): the same page when it is rendered in the same part
       as the link, else the file's key and the id, which each output sends to the page that holds the id (the
       build knows each part's ids). () when no element has that id. -->
  <xsl:function name="te:local-href" as="xs:string?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="target" as="element()?" select="key('te:id', $id, root($context))[1]"/>
    <xsl:variable name="home" as="element()?" select="if (exists($target)) then te:home($target) else ()"/>
    <xsl:sequence select="if (empty($target)) then ()
      else if (not($te:splitting) or not($te:self-key = $files) or deep-equal(te:home($context) ! generate-id(.), $home ! generate-id(.))) then '#' || te:safe-id($id)
      else 'edition:' || $te:self-key || '#' || te:safe-id($id)"/>
  </xsl:function>

  <!-- The scopes numbers and lines count in: each part, then the volume's own page (marked by the text element);
       without parts, the whole text. -->
  <xsl:function name="te:scopes" as="element()*">
    <xsl:param name="text" as="element()*"/>
    <xsl:sequence select="if ($te:splitting) then ($te:units, $text) else $text"/>
  </xsl:function>
  <!-- The nodes a scope counts: a part's own (its root too), the volume's page's, or, without parts, the whole text's. -->
  <xsl:function name="te:scope-nodes" as="node()*">
    <xsl:param name="scope" as="element()"/>
    <xsl:sequence select="if ($te:splitting and not(te:is-unit($scope))) then $te:loose else $scope/descendant-or-self::node()"/>
  </xsl:function>
  <!-- The elements below the root of a scope: of a part, its descendants; of the volume's page (the text element
       when the file is cut), the elements outside the parts. -->
  <xsl:function name="te:scope-elements" as="element()*">
    <xsl:param name="root" as="element()*"/>
    <xsl:sequence select="if ($te:splitting and exists($root[self::tei:text])) then $te:loose/self::* else $root//*"/>
  </xsl:function>
  <!-- The key a scope's number of lines has in te:lines ('lines' without parts). -->
  <xsl:function name="te:scope-key" as="xs:string">
    <xsl:param name="scope" as="element()?"/>
    <xsl:sequence select="if ($te:splitting) then 'lines ' || generate-id(($scope, /*/tei:text)[1]) else 'lines'"/>
  </xsl:function>

  <!-- The anchor of a part: its xml:id, else a name from its place (document-N among the documents, front-N or
       back-N among the divisions of the front or back, after the generated ids' prefix). The volume's page and
       every output link to a part by it; its page is named by it. -->
  <xsl:function name="te:part-anchor" as="xs:string">
    <xsl:param name="unit" as="element()"/>
    <xsl:variable name="kind" as="xs:string" select="if (te:matches-document($unit)) then 'document' else local-name($unit/ancestor::*[self::tei:front or self::tei:back][1])"/>
    <xsl:variable name="peers" as="element()*" select="if ($kind = 'document') then $te:document-roots else $te:pieces[ancestor::*[local-name() = $kind]]"/>
    <xsl:sequence select="if ($unit/@xml:id) then te:safe-id($unit/@xml:id)
      else $te:gen || $kind || '-' || index-of($peers ! generate-id(.), generate-id($unit))[1]"/>
  </xsl:function>

  <!-- ===== ids the edition makes ===== -->

  <!-- The ids the page shells of the outputs use themselves (src/render/volumes.ts passes them). -->
  <xsl:variable name="te:fixed-ids" as="xs:string*" select="($reserved-ids, 'witness-switch-label', 'metadata')"/>

  <!-- The words of the numbered ids the edition makes (note-3, p-12, line-40, app-2, item-7, head-4 …): its
       markers and entries, its lines, the parts of a volume, the book's page breaks, and the blocks it gives an
       id by their name (the behaviour table's landmarks). -->
  <xsl:variable name="te:generated-words" as="xs:string+" select="distinct-values(('note', 'noteref', 'tn', 'tnref', 'app', 'appref', 'appt', 'p', 'line', 'gap',
    'wsel', 'wlab', 'item', 'l', 'document', 'front', 'back', 'page', 'part', $behaviours?landmarks ! string(.)))"/>
  <xsl:variable name="te:generated-pattern" as="xs:string" select="'^(' || string-join($te:generated-words, '|') || ')-(0|[1-9][0-9]*)$'"/>

  <!-- Whether an id of the source could be one the edition makes with this prefix: one of the numbered ids above,
       or one of the fixed ids. -->
  <xsl:function name="te:collides" as="xs:boolean">
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:param name="ids" as="xs:string*"/>
    <xsl:sequence select="some $id in $ids satisfies (starts-with($id, $prefix)
      and (matches(substring($id, string-length($prefix) + 1), $te:generated-pattern) or substring($id, string-length($prefix) + 1) = $te:fixed-ids))"/>
  </xsl:function>

  <!-- The prefix of every id the edition makes in this file's pages: none, unless an id of the source could be
       one of them; then the first prefix no id of the source begins a generated id with. Sources keep their ids. -->
  <xsl:variable name="te:gen" as="xs:string">
    <xsl:variable name="ids" as="xs:string*" select="distinct-values(/*/tei:text//@xml:id ! te:safe-id(.))"/>
    <xsl:sequence select="(('', 'te-', for $i in 2 to 9 return 'te' || $i || '-')[not(te:collides(., $ids))], 'te-' || generate-id(/*) || '-')[1]"/>
  </xsl:variable>
</xsl:stylesheet>
