{#
    Landing: load every file of the raw extract contract into the `raw` schema.

    The contract (which files, which columns) is read from the `soscare` source
    definitions in models/staging/soscare/_soscare__sources.yml, so it is written
    down once. Each file is read line by line (see `soscare_parse_lines`), so a
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

    {%- set files = [] -%}
    {%- for module, columns in contract.items() -%}
        {%- do files.append({'module': module, 'path': soscare_find_raw_file(raw_dir, module), 'columns': columns}) -%}
    {%- endfor -%}
    {%- do soscare_land_raw_files(files) -%}
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


{% macro soscare_land_raw_files(files) %}
    {{ return(adapter.dispatch('soscare_land_raw_files', 'soscare')(files)) }}
{% endmacro %}


{% macro duckdb__soscare_land_raw_files(files) %}
    {#-
        `raw.<module>` is a view over the file (var raw_relation = 'view', the
        default) or a table (raw_relation = 'table'): the file is parsed where
        staging reads it, not copied first. The loader itself makes one pass
        over all the files first, in one statement so that DuckDB reads two
        files at a time (each numbered scan runs on one core), to record the
        rejected lines and the counts; the raw relations leave the recorded
        rejects out by line number.
    -#}
    {%- set relation_kind = var('raw_relation', 'view') -%}
    {%- if relation_kind not in ['view', 'table'] -%}
        {{ exceptions.raise_compiler_error(
            "The dbt var raw_relation must be 'view' or 'table', not '" ~ relation_kind ~ "'."
        ) }}
    {%- endif -%}
    {#- 1. each file's header, checked against the contract -#}
    {%- set headers = soscare_read_raw_headers(files) -%}
    {%- set landed = [] -%}
    {%- for file in files -%}
        {%- do landed.append(soscare_check_raw_header(file['module'], file['path'], file['columns'], headers[loop.index0])) -%}
    {%- endfor -%}
    {%- if landed | length == 0 -%}
        {{ return('') }}
    {%- endif -%}
    {{ log("  checking and counting the lines of " ~ (landed | length) ~ " files (one pass, two files at a time)", info=true) }}

    {%- call statement('land') -%}
        {#- 2. one pass for the record: each file's count of data lines and its rejected lines -#}
        create or replace temp table soscare_load_summary as
        {%- for file in landed %}
        select
            {{ loop.index }} as file_order,
            '{{ file['module'] }}' as module,
            {{ file['path_literal'] }} as source_file,
            {{ file['header_names'] | length }} as expected_fields,
            '{{ file['extra'] | join(",") | replace("'", "''") }}' as extra_columns,
            count(*) as data_lines,
            coalesce(list({
                'line_no': line_no,
                'raw_line': raw_line,
                'reason': {{ file['reject_reason'] }},
                'n_fields': len(fields)
            }) filter (where {{ file['reject_reason'] }} is not null), []) as rejected
        from ({{ soscare_parse_lines(file['path']) }}) as lines
        where line_no > 1
        {% if not loop.last %}union all{% endif %}
        {%- endfor %};

        insert into landing.rejects
        select
            module,
            source_file,
            rejected_line.line_no,
            rejected_line.raw_line,
            rejected_line.reason,
            rejected_line.n_fields,
            expected_fields
        from (
            select
                file_order,
                module,
                source_file,
                expected_fields,
                unnest(rejected) as rejected_line
            from soscare_load_summary
        )
        order by file_order, rejected_line.line_no;

        insert into landing.load_log
        select
            module,
            source_file,
            data_lines,
            data_lines - len(rejected) as rows_loaded,
            len(rejected) as rows_rejected,
            extra_columns,
            current_timestamp as loaded_at
        from soscare_load_summary
        order by file_order;

        {%- for file in landed %}
        {%- set header_names = file['header_names'] %}
        {#- 3. accepted data lines: each contract column by its header position, unquoted;
            the lines step 2 rejected are left out by number, not checked again -#}
        create or replace {{ relation_kind }} raw.{{ file['module'] }} as
        select
            {%- for column in file['columns'] %}
            {{ soscare_unquote_field('fields[' ~ (header_names.index(column) + 1) ~ ']') }} as {{ column }},
            {%- endfor %}
            line_no as _line_no,
            {{ file['path_literal'] }} as _source_file
        from ({{ soscare_parse_lines(file['path']) }}) as lines
        where
            line_no > 1
            and not exists (
                select 1
                from landing.rejects
                where rejects.module = '{{ file['module'] }}' and rejects.line_no = lines.line_no
            );
        {%- endfor %}
    {%- endcall -%}
    {%- set counts = run_query(
        "select module, data_lines, len(rejected) from soscare_load_summary order by file_order"
    ) -%}
    {%- do run_query("drop table soscare_load_summary") -%}
    {%- for row in counts.rows -%}
        {{ log("  " ~ row[0] ~ ": " ~ "{:,}".format(row[1]) ~ " data lines, " ~ "{:,}".format(row[2]) ~ " rejected", info=true) }}
    {%- endfor -%}
{% endmacro %}


{% macro soscare_read_raw_headers(files) %}
    {#-
        The header (line 1) of every file, read in one query: for each file, in
        the order given, the list of its header names, trimmed, lower-cased and
        unquoted (empty for an empty file).
    -#}
    {%- set selects = [] -%}
    {%- for file in files -%}
        {%- do selects.append(
            "select " ~ loop.index0 ~ " as file_order, unnest(fields) as field, "
            ~ "generate_subscripts(fields, 1) as position from (select * from ("
            ~ soscare_parse_lines(file['path'], first_lines_only=true)
            ~ ") as lines limit 1) as first_line where line_no = 1"
        ) -%}
    {%- endfor -%}
    {%- set fields = run_query(
        "select file_order, field from (" ~ (selects | join(" union all ")) ~ ") as header_fields"
        ~ " order by file_order, position"
    ) -%}
    {%- set headers = [] -%}
    {%- for file in files -%}
        {%- do headers.append([]) -%}
    {%- endfor -%}
    {%- for row in fields.rows -%}
        {%- do headers[row[0] | int].append(((row[1] or '') | trim | lower).strip('"')) -%}
    {%- endfor -%}
    {{ return(headers) }}
{% endmacro %}


{% macro soscare_check_raw_header(module, path, columns, header_names) %}
    {#-
        A raw file's header names (from `soscare_read_raw_headers`) checked
        against the contract: contract columns found by name (any order, any
        case). Returns the file's landing spec: module, path, path_literal,
        columns, header_names, extra (ignored columns) and reject_reason (SQL).
    -#}
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
    {{ return({
        'module': module,
        'path': path,
        'path_literal': "'" ~ (path | replace("'", "''")) ~ "'",
        'columns': columns,
        'header_names': header_names,
        'extra': extra,
        'reject_reason': soscare_reject_reason('raw_line', 'is_well_quoted', 'fields', header_names | length)
    }) }}
{% endmacro %}
