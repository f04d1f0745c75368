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

  <!-- One warning per element name a document's text holds that the edition has no rendering for: its text
       is kept, in a span named after it, but an editor should know that its meaning is not shown. -->
  <xsl:template name="te:report-unknown-elements" as="empty-sequence()">
    <xsl:param name="elements" as="element()*"/>
    <xsl:for-each-group select="$elements[not(namespace-uri() = 'http://www.tei-c.org/ns/1.0' and local-name() = $te:known-elements)]" group-by="namespace-uri() || ' ' || local-name()">
      <xsl:call-template name="te:report">
        <xsl:with-param name="rule" select="'xslt/unknown-element'"/>
        <xsl:with-param name="node" select="current-group()[1]"/>
        <xsl:with-param name="message" select="'&lt;' || name() || '&gt;' || (if (namespace-uri() != 'http://www.tei-c.org/ns/1.0') then ' (namespace ' || namespace-uri() || ')' else '')
          || ' has no rendering of its own: its text is kept as plain text' || (if (count(current-group()) gt 1) then ' (' || count(current-group()) || ' times in this document)' else '')"/>
      </xsl:call-template>
    </xsl:for-each-group>
  </xsl:template>
</xsl:stylesheet>
