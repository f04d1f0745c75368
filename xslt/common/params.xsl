<?xml version="1.0" encoding="UTF-8"?>
<!-- The parameters the build passes to every transformation. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:te="urn:x-tei-edition" exclude-result-prefixes="#all">
  <!-- The URI of the folder that holds every source of the edition (ending in '/'): keys of files, entries
       and links are paths from it, the same on every machine. -->
  <xsl:param name="base" as="xs:string" select="''"/>
  <!-- The keys of the edition's source files (paths from $base): a pointer into one of them becomes a link
       key (edition:PATH#ID), which each output resolves to its own address; a pointer elsewhere, no link. -->
  <xsl:param name="files" as="xs:string*" select="()"/>
  <!-- The table of TEI element behaviours (tei-behaviours.json beside this file), which the TypeScript reads
       too: register lists, landmarks, blocks, phrases, milestones, the id rule. -->
  <xsl:param name="behaviours" as="map(*)" required="yes"/>
  <!-- The words of the interface in the edition's language (src/templates/labels/<lang>.json, "labels", with
       the edition's overrides), which the TypeScript reads too: every label the stylesheets write (te:t). -->
  <xsl:param name="labels" as="map(*)" required="yes"/>
  <!-- The words dates are written with in that language (the table's "dates": month names, the pattern of a
       day, the first of a month, years before the era, times): te:date-label. -->
  <xsl:param name="dates" as="map(*)" required="yes"/>
  <!-- The outputs the build makes ('site', 'epub', 'print' …): the text is rendered for each that needs its
       own rendering, and only for those. -->
  <xsl:param name="outputs" as="xs:string*" select="'site'"/>
  <!-- Absolute URI of each witness (file#id) → its siglum. -->
  <xsl:param name="sigla" as="map(*)" select="map{}"/>
  <!-- Witness keys in the order the edition lists them. -->
  <xsl:param name="witness-order" as="xs:string*" select="()"/>
  <!-- The kinds of list whose entries join a register of the edition when a document carries them outside its
       body (common/registers.xsl): entity lists by their element (listPerson …), plain lists by the name that
       makes an item an entry (persName, term …); empty: those lists stay in the text. -->
  <xsl:param name="embedded-registers" as="xs:string*" select="()"/>
  <!-- True when the file is transformed as a register of the edition: its entries, of every form the
       registers know (common/registers.xsl), are keyed by the file, wherever its lists stand. -->
  <xsl:param name="register-file" as="xs:boolean" select="false()"/>
  <!-- What one document is, when the file holds many (common/parts.xsl): map{'element': NAME, 'attribute':
       NAME?, 'value': VALUE?, 'minimum': N?}, e.g. div with @type 'document', a file being cut when it holds at
       least N of them (default 1); empty: every file is one document. -->
  <xsl:param name="document-pattern" as="map(*)" select="map{}"/>
  <!-- The ids the outputs' page shells use themselves: an id of the source that is one of them makes every id the
       edition generates in the file take a prefix (common/parts.xsl, te:gen). -->
  <xsl:param name="reserved-ids" as="xs:string*" select="()"/>
</xsl:stylesheet>
