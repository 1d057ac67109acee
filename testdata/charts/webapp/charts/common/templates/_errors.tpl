{{/*
Fails when a required value is empty.
*/}}
{{- define "common.errors.required" -}}
{{- required (printf "%s is required, set it with --set %s=..." .key .key) .value -}}
{{- end -}}
