<?xml version="1.0" encoding="UTF-8"?>
<!-- Registers a document carries inside itself: the listPerson, listPlace, listOrg, listObject and listBibl
     of its back or standOff (letters exported from a database often bring their own persons and places).
     When the build names a kind of list ($embedded-registers, folder builds only), such a list
     leaves the document's page and its entries join the edition's register of that kind, one entry per
     xml:id across all documents, and every pointer to them links there. With none named (the default,
     and every edition build), nothing here applies and documents render as before. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all">

  <!-- The entries each kind of list holds (the behaviour table's register lists). -->
  <xsl:variable name="te:register-kinds" as="map(xs:string, xs:string+)" select="map:merge(for $list in map:keys($behaviours?registerLists) return map:entry(string($list), $behaviours?registerLists($list) ! string(.)))"/>

  <xsl:function name="te:is-list-kind" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="namespace-uri($element) = 'http://www.tei-c.org/ns/1.0' and map:contains($te:register-kinds, local-name($element))"/>
  </xsl:function>

  <!-- A list that becomes part of a register: of a kind the build makes registers of, in back or standOff,
       and made only of entries with an xml:id (a head aside), so that nothing of it is lost when it leaves
       the page. A list with anything else in it stays in the text, as before. -->
  <xsl:function name="te:is-register-list" as="xs:boolean">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="exists($embedded-registers) and te:is-list-kind($list)
      and local-name($list) = $embedded-registers
      and exists($list/ancestor::*[self::tei:back or self::tei:standOff])
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

  <!-- Whether a node lies inside a list that became part of a register (and so is not on the page). -->
  <xsl:function name="te:in-register-list" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists($embedded-registers) and exists($node/ancestor-or-self::*[te:is-list-kind(.)][te:is-register-list(.)])"/>
  </xsl:function>

  <!-- The kind of list (listPerson …) whose register an entry joins, or () when it joins none. -->
  <xsl:function name="te:embedded-register" as="xs:string?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:variable name="list" as="element()?" select="$entry/ancestor::*[te:is-list-kind(.)][1]"/>
    <xsl:sequence select="if (exists($embedded-registers) and exists($entry/@xml:id) and exists($list)
      and local-name($entry) = map:get($te:register-kinds, local-name($list)) and te:in-register-list($list))
      then local-name($list) else ()"/>
  </xsl:function>

  <!-- The one key of an entry across all documents: its kind of list and its xml:id. -->
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
</xsl:stylesheet>
