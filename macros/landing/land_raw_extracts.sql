{#
    Landing: load every file of the raw extract contract into the `raw` schema.

    The contract (which files, which columns) is read from the `soscare` source
    definitions in models/staging/soscare/_soscare__sources.yml, so it is written
    down once. Each file is read line by line (see `soscare_read_raw_lines`), so a
    line with broken quoting or the wrong number of fields is rejected on its own
    and can never swallow the lines after it.
#}

{% macro land_raw_extracts(force=false) %}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- if not force and (flags.WHICH not in ['build', 'run'] or not var('land_raw', true)) -%}
        {{ return('') }}
    {%- endif -%}

    {%- set raw_dir = var('raw_dir') | string -%}
    {%- set raw_dir = raw_dir.rstrip('/') -%}
    {{ log('Landing raw extracts from ' ~ raw_dir, info=true) }}

    {%- set contract = soscare_raw_contract() -%}
    {%- do run_query(soscare_create_landing_relations()) -%}

    {%- for module, columns in contract.items() -%}
        {%- set path = soscare_find_raw_file(raw_dir, module) -%}
        {%- do soscare_land_raw_file(module, path, columns) -%}
    {%- endfor -%}
    {%- do adapter.commit() -%}
    {{ return('') }}
{% endmacro %}


{% macro soscare_raw_contract() %}
    {#- Ordered {file name: [contract columns]} from the `soscare` source definitions. -#}
    {%- set contract = {} -%}
    {%- set sources = graph.sources.values() | selectattr('source_name', 'equalto', 'soscare') | sort(attribute='name') -%}
    {%- for source in sources -%}
        {%- set columns = [] -%}
        {%- for column in source.columns.keys() if not column.startswith('_') -%}
            {%- do columns.append(column) -%}
        {%- endfor -%}
        {%- do contract.update({source.meta.get('raw_file', source.name): columns}) -%}
    {%- endfor -%}
    {{ return(contract) }}
{% endmacro %}


{% macro soscare_create_landing_relations() %}
    create schema if not exists raw;
    create schema if not exists landing;
    create or replace table landing.rejects (
        module varchar,
        source_file varchar,
        line_no bigint,
        raw_line varchar,
        reason varchar,
        n_fields integer,
        expected_fields integer
    );
    create or replace table landing.load_log (
        module varchar,
        source_file varchar,
        data_lines bigint,
        rows_loaded bigint,
        rows_rejected bigint,
        extra_columns varchar,
        loaded_at timestamp
    );
{% endmacro %}


{% macro soscare_find_raw_file(raw_dir, module) %}
    {#- The one file for a module: `<module>.csv` or `<module>.csv.gz`, never both, never neither. -#}
    {%- set plain = raw_dir ~ '/' ~ module ~ '.csv' -%}
    {%- set gzipped = plain ~ '.gz' -%}
    {%- set found = run_query(
        "select file from glob('" ~ (plain | replace("'", "''")) ~ "') union all select file from glob('"
        ~ (gzipped | replace("'", "''")) ~ "') order by file"
    ).columns[0].values() -%}
    {%- if found | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "Raw extract missing for module '" ~ module ~ "': expected the file " ~ plain ~ " (or " ~ gzipped
            ~ "). The raw folder is the dbt var raw_dir (now '" ~ raw_dir ~ "'); see docs/contract/raw_extracts.md."
        ) }}
    {%- elif found | length > 1 -%}
        {{ exceptions.raise_compiler_error(
            "Raw extract for module '" ~ module ~ "' is present twice: " ~ (found | join(' and '))
            ~ ". Keep either the .csv or the .csv.gz file."
        ) }}
    {%- endif -%}
    {{ return(found[0]) }}
{% endmacro %}


{% macro soscare_land_raw_file(module, path, columns) %}
    {{ return(adapter.dispatch('soscare_land_raw_file', 'soscare')(module, path, columns)) }}
{% endmacro %}


{% macro duckdb__soscare_land_raw_file(module, path, columns) %}
    {#-
        `raw.<module>` is a view over the file (var raw_relation = 'view', the
        default) or a table (raw_relation = 'table'): the file is parsed where
        staging reads it, not copied first. The loader itself makes one pass
        to record the rejected lines and the counts.
    -#}
    {%- set relation_kind = var('raw_relation', 'view') -%}
    {%- if relation_kind not in ['view', 'table'] -%}
        {{ exceptions.raise_compiler_error(
            "The dbt var raw_relation must be 'view' or 'table', not '" ~ relation_kind ~ "'."
        ) }}
    {%- endif -%}
    {%- set summary_table = 'soscare_load_' ~ module -%}
    {%- set path_literal = "'" ~ (path | replace("'", "''")) ~ "'" -%}

    {#- 1. the header (line 1): contract columns found by name (any order, any case) -#}
    {%- set header_names = [] -%}
    {%- set header = run_query(
        "select unnest(fields) as field, generate_subscripts(fields, 1) as position from (select * from ("
        ~ soscare_parse_lines(path) ~ ") as lines limit 1) as first_line where line_no = 1 order by position"
    ) -%}
    {%- for name in header.columns[0].values() -%}
        {%- do header_names.append(((name or '') | trim | lower).strip('"')) -%}
    {%- endfor -%}
    {%- if header_names | length == 0 -%}
        {{ exceptions.raise_compiler_error("Raw extract " ~ path ~ " (module '" ~ module ~ "') is empty: it has no header row.") }}
    {%- endif -%}
    {%- set repeated = [] -%}
    {%- for name in header_names if header_names.count(name) > 1 and name not in repeated -%}
        {%- do repeated.append(name) -%}
    {%- endfor -%}
    {%- if repeated -%}
        {{ exceptions.raise_compiler_error(
            "Raw extract " ~ path ~ " (module '" ~ module ~ "') names a column more than once in its header: "
            ~ (repeated | join(', ')) ~ "."
        ) }}
    {%- endif -%}
    {%- set missing = columns | reject('in', header_names) | list -%}
    {%- if missing -%}
        {{ exceptions.raise_compiler_error(
            "Raw extract " ~ path ~ " (module '" ~ module ~ "') lacks required column(s): "
            ~ (missing | join(', ')) ~ ". Its header has: " ~ (header_names | join(', ')) ~ "."
        ) }}
    {%- endif -%}
    {%- set extra = header_names | reject('in', columns) | list -%}
    {%- if extra -%}
        {{ log("Raw extract " ~ path ~ " (module '" ~ module ~ "'): extra column(s) ignored: " ~ (extra | join(', ')), info=true) }}
    {%- endif -%}
    {%- set n_fields = header_names | length -%}
    {%- set reject_reason = soscare_reject_reason('raw_line', 'is_well_quoted', 'fields', n_fields) -%}

    {%- call statement('land') -%}
        {#- 2. accepted data lines: each contract column by its header position, unquoted -#}
        create or replace {{ relation_kind }} raw.{{ module }} as
        select
            {%- for column in columns %}
            {{ soscare_unquote_field('fields[' ~ (header_names.index(column) + 1) ~ ']') }} as {{ column }},
            {%- endfor %}
            line_no as _line_no,
            {{ path_literal }} as _source_file
        from ({{ soscare_parse_lines(path) }}) as lines
        where line_no > 1 and {{ reject_reason }} is null;

        {#- 3. one pass for the record: the count of data lines and the rejected ones -#}
        create or replace temp table {{ summary_table }} as
        select
            count(*) as data_lines,
            coalesce(list({
                'line_no': line_no,
                'raw_line': raw_line,
                'reason': {{ reject_reason }},
                'n_fields': len(fields)
            }) filter (where {{ reject_reason }} is not null), []) as rejected
        from ({{ soscare_parse_lines(path) }}) as lines
        where line_no > 1;

        insert into landing.rejects
        select
            '{{ module }}' as module,
            {{ path_literal }} as source_file,
            rejected_line.line_no,
            rejected_line.raw_line,
            rejected_line.reason,
            rejected_line.n_fields,
            {{ n_fields }} as expected_fields
        from (select unnest(rejected) as rejected_line from {{ summary_table }})
        order by rejected_line.line_no;

        insert into landing.load_log
        select
            '{{ module }}' as module,
            {{ path_literal }} as source_file,
            data_lines,
            data_lines - len(rejected) as rows_loaded,
            len(rejected) as rows_rejected,
            '{{ extra | join(",") }}' as extra_columns,
            current_timestamp as loaded_at
        from {{ summary_table }};
    {%- endcall -%}
    {%- set counts = run_query("select data_lines, len(rejected) from " ~ summary_table).rows[0] -%}
    {%- do run_query("drop table " ~ summary_table) -%}
    {{ log("  " ~ module ~ ": " ~ "{:,}".format(counts[0]) ~ " data lines, " ~ "{:,}".format(counts[1]) ~ " rejected", info=true) }}
{% endmacro %}
