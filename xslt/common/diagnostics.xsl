<?xml version="1.0" encoding="UTF-8"?>
<!-- Problems the stylesheets find, reported as messages the build turns into placed diagnostics
     (src/transform/xslt-messages.ts): each a JSON object with a rule id (xslt/…), the node's path, which
     the build maps to a line and column of the source, and a message. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all" expand-text="yes">

  <xsl:template name="te:report" as="empty-sequence()">
    <xsl:param name="rule" as="xs:string"/>
    <xsl:param name="node" as="node()"/>
    <xsl:param name="message" as="xs:string"/>
    <xsl:message select="serialize(map{'rule': $rule, 'path': path($node), 'message': $message}, map{'method': 'json'})" terminate="no"/>
  </xsl:template>

  <!-- Every element name the edition renders or deliberately passes over (the behaviour table). -->
  <xsl:variable name="te:known-elements" as="xs:string*" select="(map:keys($behaviours?blocks), map:keys($behaviours?phrases), $behaviours?milestones,
    $behaviours?outsideText, $behaviours?landmarks, map:keys($behaviours?registerLists), $behaviours?registerLists?*, $te:entry-part-names)"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  <xsl:variable name="te:entry-part-names" as="xs:string+" select="('birth', 'death', 'floruit', 'sex', 'gender', 'age', 'occupation', 'affiliation',
    'residence', 'nationality', 'faith', 'education', 'langKnowledge', 'langKnown', 'socecStatus', 'state', 'trait', 'event', 'listEvent', 'location',
    'geo', 'placeName', 'note', 'label', 'ptr', 'listRelation', 'relation', 'objectIdentifier', 'objectName', 'institution', 'repository', 'collection', 'altIdentifier', 'msIdentifier', 'physDesc', 'history', 'origin', 'provenance')"/>

  <!-- What a document's text holds that its reading text does not show as it is, each reported once per
       element name with a count (info): elements the edition has no rendering for (xslt/unknown-element: a TEI
       element keeps its text, in a span named after it; an element of another namespace is left out, but for
       XHTML phrases of plain text and wrappers of TEI), metadata left out of the reading text
       (xslt/metadata-left-out), and pointers with no words that lead nowhere (xslt/pointer-left-out). -->
  <xsl:template name="te:report-unknown-elements" as="empty-sequence()">
    <xsl:param name="elements" as="element()*"/>
    <xsl:variable name="metadata" as="element()*" select="$elements[te:is-metadata(.)]"/>
    <xsl:variable name="dropped" as="element()*" select="$elements[namespace-uri() != 'http://www.tei-c.org/ns/1.0'][te:foreign-treatment(.) = 'dropped']"/>
    <xsl:variable name="hidden" as="element()*" select="($metadata, $dropped)/descendant-or-self::*"/>
    <xsl:variable name="shown" as="element()*" select="$elements except $hidden"/>
    <xsl:for-each-group select="($shown | $dropped)[not(namespace-uri() = 'http://www.tei-c.org/ns/1.0' and local-name() = $te:known-elements)]
      [namespace-uri() != 'http://www.tei-c.org/ns/1.0' or empty(ancestor::* intersect $dropped)]" group-by="namespace-uri() || ' ' || local-name()">
      <xsl:variable name="foreign" as="xs:boolean" select="namespace-uri() != 'http://www.tei-c.org/ns/1.0'"/>
      <xsl:variable name="treatment" as="xs:string" select="if ($foreign) then te:foreign-treatment(.) else 'kept'"/>
      <xsl:call-template name="te:report">
        <xsl:with-param name="rule" select="'xslt/unknown-element'"/>
        <xsl:with-param name="node" select="current-group()[1]"/>
        <xsl:with-param name="message" select="'&lt;' || name() || '&gt;' || (if ($foreign) then ' (namespace ' || namespace-uri() || ')' else '')
          || ' has no rendering of its own: ' || (if ($treatment = 'dropped') then 'it is left out of the reading text'
            else if ($treatment = 'transparent') then 'its TEI content is kept' else 'its text is kept as plain text')
          || te:times(count(current-group()))"/>
      </xsl:call-template>
    </xsl:for-each-group>
    <xsl:for-each-group select="$metadata[empty(ancestor::* intersect $metadata)]" group-by="local-name()">
      <xsl:call-template name="te:report">
        <xsl:with-param name="rule" select="'xslt/metadata-left-out'"/>
        <xsl:with-param name="node" select="current-group()[1]"/>
        <xsl:with-param name="message" select="'&lt;' || name() || '&gt; is metadata, not reading text: it is left out of the text' || te:times(count(current-group()))"/>
      </xsl:call-template>
    </xsl:for-each-group>
    <xsl:variable name="nowhere" as="element()*" select="$shown[te:phrase(.) = 'link'][te:is-bare-pointer(.)][normalize-space(@target) != '']
      [normalize-space((@cRef, @n)[1]) = ''][empty(te:href(@target, .))]"/>
    <xsl:if test="exists($nowhere)">
      <xsl:call-template name="te:report">
        <xsl:with-param name="rule" select="'xslt/pointer-left-out'"/>
        <xsl:with-param name="node" select="$nowhere[1]"/>
        <xsl:with-param name="message" select="'a pointer with no words leads nowhere this edition can resolve (' || string-join(subsequence(distinct-values($nowhere ! normalize-space(@target)), 1, 5), ', ')
          || (if (count(distinct-values($nowhere ! normalize-space(@target))) gt 5) then ', …' else '') || '): it is left out of the text' || te:times(count($nowhere))"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:function name="te:times" as="xs:string">
    <xsl:param name="count" as="xs:integer"/>
    <xsl:sequence select="if ($count gt 1) then ' (' || $count || ' times in this document)' else ''"/>
  </xsl:function>
</xsl:stylesheet>
