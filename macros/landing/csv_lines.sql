{#
    Line-oriented CSV parsing for the landing layer (DuckDB).

    Each physical line is one record. DuckDB's reader returns the lines (the
    byte-order mark and `\r\n` endings removed) numbered by `with ordinality`;
    a line with no `"` is split on commas, a line with quotes is parsed by an
    RFC 4180 field pattern. Lines are never joined, so broken quoting is
    confined to its own line. The pattern is matched against the line with a
    comma in front and always consumes its comma, so it has no empty matches
    (an empty first field followed by a quoted one keeps both).
#}

{% macro soscare_csv_field_pattern() -%}
    ("(?:[^"]|"")*"|[^,"]*)
{%- endmacro %}


{% macro soscare_parse_lines(path, first_lines_only=false) %}
    {%- set field = soscare_csv_field_pattern() -%}
    {%- set max_line_size = 10000000 -%}
    select
        ordinality as line_no,
        raw_line,
        case
            when contains(raw_line, '"')
                then regexp_full_match(raw_line, '{{ field }}(,{{ field }})*')
            else true
        end as is_well_quoted,
        case
            when contains(raw_line, '"')
                then regexp_extract_all(',' || raw_line, ',{{ field }}', 1)
            else string_split(coalesce(raw_line, ''), ',')
        end as fields
    from read_csv(
        '{{ path | replace("'", "''") }}',
        header = false,
        columns = {'raw_line': 'VARCHAR'},
        delim = chr(1),
        quote = '',
        escape = '',
        auto_detect = false,
        strict_mode = false,
        max_line_size = {{ max_line_size }}
        {%- if first_lines_only %},
        {#- DuckDB's reader otherwise fills buffers of many longest lines (160 MB)
            before the first line comes out: one line longer is the least it
            allows, so a header read touches 10 MB, not the whole of a large
            file. Read on one thread: the parallel reader fails on a buffer
            this small ("does not support a full read"). Full reads keep the
            default buffer: with an explicit one DuckDB can drop an overlong
            last line without an error (duckdb/duckdb#25825). #}
        buffer_size = {{ max_line_size + 1 }},
        parallel = false
        {%- endif %}
    ) with ordinality
{% endmacro %}


{% macro soscare_reject_reason(raw_line, is_well_quoted, fields, n_fields) -%}
    case
        when coalesce({{ raw_line }}, '') = '' then 'empty_line'
        when not {{ is_well_quoted }} then 'broken_quoting'
        when len({{ fields }}) < {{ n_fields }} then 'too_few_fields'
        when len({{ fields }}) > {{ n_fields }} then 'too_many_fields'
    end
{%- endmacro %}


{% macro soscare_unquote_field(field) -%}
    {#- A field as text: quotes removed, doubled quotes undone, empty as null. -#}
    nullif(
        case
            when starts_with({{ field }}, '"') then replace({{ field }}[2:-2], '""', '"')
            else {{ field }}
        end,
        ''
    )
{%- endmacro %}
