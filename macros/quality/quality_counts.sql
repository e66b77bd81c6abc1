{% macro soscare_quality_by_file(files) -%}
    {#-
        A union of one aggregate select per staged file, grouped by file, Trust
        and financial year (`year_ending`): records, records with a valid HCN,
        unusable dates by reason (`dates_<reason>`), `UNKNOWN` codes, bad
        numbers, folded duplicate lines, and 0 rejected lines. Each select reads
        the relation (normally an import CTE) named after the file.
    -#}
    {%- for file, spec in files.items() %}
    select
        '{{ file }}' as module,
        {{ spec.trust or 'cast(null as varchar)' }} as trust,
        {{ soscare.financial_year_ending(spec.date) if spec.date else 'cast(null as integer)' }} as year_ending,
        count(*) as records,
        {{ 'count(hcn)' if spec.hcn else 'cast(null as bigint)' }} as records_with_valid_hcn,
        {%- for reason in soscare.soscare_issue_reasons('date') %}
        {{ soscare.soscare_count_rows_where(spec.dates, "{column}_issue = '" ~ reason ~ "'") }} as dates_{{ reason }},
        {%- endfor %}
        {{ soscare.soscare_count_rows_where(spec.codes, "{column} = 'UNKNOWN'") }} as unknown_codes,
        {{ soscare.soscare_count_rows_where(spec.integers, "{column}_issue in ('not_an_integer', 'out_of_range')") }}
            as bad_numbers,
        sum(duplicate_lines) as duplicate_lines,
        0 as rejected_lines
    from {{ file }}
    group by 1, 2, 3
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}


{% macro soscare_count_rows_where(columns, condition) -%}
    {#-
        An aggregate: the number of (row, column) pairs for which `condition`
        holds, `{column}` in it standing for each of `columns`; 0 when there are
        no columns.
    -#}
    {%- if columns -%}
        sum(
        {%- for column in columns %}
            case when {{ condition | replace('{column}', column) }} then 1 else 0 end{{ ' +' if not loop.last }}
        {%- endfor %}
        )
    {%- else -%}
        0
    {%- endif -%}
{%- endmacro %}


{% macro soscare_staged_line_counts(files) -%}
    {#-
        A union of one row per staged file: module, staged_rows and
        folded_lines (the sum of `duplicate_lines`). Each select reads the
        relation (normally an import CTE) named after the file.
    -#}
    {%- for file in files %}
    select
        '{{ file }}' as module,
        count(*) as staged_rows,
        coalesce(sum(duplicate_lines), 0) as folded_lines
    from {{ file }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
