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
       too: register lists, landmarks, blocks, phrases, milestones, month names, the id rule. -->
  <xsl:param name="behaviours" as="map(*)" required="yes"/>
  <!-- The outputs the build makes ('site', 'epub', 'print' …): the text is rendered for each that needs its
       own rendering, and only for those. -->
  <xsl:param name="outputs" as="xs:string*" select="'site'"/>
  <!-- Absolute URI of each witness (file#id) → its siglum. -->
  <xsl:param name="sigla" as="map(*)" select="map{}"/>
  <!-- Witness keys in the order the edition lists them. -->
  <xsl:param name="witness-order" as="xs:string*" select="()"/>
  <!-- The kinds of entity list (listPerson …) whose entries join a register of the edition when a document
       carries them in back or standOff (common/registers.xsl); empty: those lists stay in the text. -->
  <xsl:param name="embedded-registers" as="xs:string*" select="()"/>
</xsl:stylesheet>
