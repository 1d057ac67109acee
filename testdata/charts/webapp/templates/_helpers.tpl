{{/* vim: set filetype=mustache: */}}
{{/*
Return the proper webapp image name
*/}}
{{- define "webapp.image" -}}
{{- $registry := .Values.image.registry -}}
{{- if .Values.global.imageRegistry -}}
{{- $registry = .Values.global.imageRegistry -}}
{{- end -}}
{{- printf "%s/%s:%s" $registry .Values.image.repository .Values.image.tag -}}
{{- end -}}

{{/*
Standard labels plus the user's commonLabels (which may hold templates)
*/}}
{{- define "webapp.labels" -}}
{{ include "common.labels.standard" . }}
{{- if .Values.commonLabels }}
{{ include "common.tplvalues.render" (dict "value" .Values.commonLabels "context" $) }}
{{- end }}
{{- end -}}
