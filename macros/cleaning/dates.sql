{% macro parse_date(expr) -%}
    {#-
        The text as a date when it is a real calendar date written YYYY-MM-DD or
        DD/MM/YYYY (surrounding blanks ignored), else null. Never an error.
    -#}
    {{ return(adapter.dispatch('parse_date', 'soscare')(expr)) }}
{%- endmacro %}

{% macro duckdb__parse_date(expr) -%}
    cast(coalesce(
        try_strptime(trim({{ expr }}), '%Y-%m-%d'),
        try_strptime(trim({{ expr }}), '%d/%m/%Y')
    ) as date)
{%- endmacro %}

{% macro default__parse_date(expr) -%}
    {#- Portable fallback: ISO dates only, via the adapter's safe cast. -#}
    {{ dbt.safe_cast('trim(' ~ expr ~ ')', api.Column.translate_type('date')) }}
{%- endmacro %}


{% macro date_issue(expr, min_date='1985-01-01', max_date=none) -%}
    {#-
        Why a recorded date is unusable, or null when it is usable. In order:
        missing (blank), unparseable (not YYYY-MM-DD or DD/MM/YYYY), impossible
        (the right shape but no such day, e.g. 2011-02-30), placeholder
        (1900-01-01), before_1985 (before min_date), after_reference_date
        (after max_date, by default var('reference_date')).
    -#}
    {{ return(adapter.dispatch('date_issue', 'soscare')(expr, min_date, max_date or var('reference_date'))) }}
{%- endmacro %}

{% macro default__date_issue(expr, min_date, max_date) -%}
    {%- set text = soscare.clean_text(expr) -%}
    {%- set parsed = soscare.parse_date(text) -%}
    case
        when {{ text }} is null then 'missing'
        when not {{ soscare.is_date_shaped(text) }} then 'unparseable'
        when {{ parsed }} is null then 'impossible'
        when {{ parsed }} = cast('1900-01-01' as date) then 'placeholder'
        when {{ parsed }} < cast('{{ min_date }}' as date) then 'before_1985'
        when {{ parsed }} > cast('{{ max_date }}' as date) then 'after_reference_date'
    end
{%- endmacro %}

{% macro duckdb__date_issue(expr, min_date, max_date) -%}
    {#- As the default, but the text and the parsed date are each computed once per row (lambdas). -#}
    list_transform([{{ soscare.clean_text(expr) }}], lambda date_text: case
        when date_text is null then 'missing'
        when not {{ soscare.is_date_shaped('date_text') }} then 'unparseable'
        else list_transform([{{ soscare.parse_date('date_text') }}], lambda parsed_date: case
            when parsed_date is null then 'impossible'
            when parsed_date = cast('1900-01-01' as date) then 'placeholder'
            when parsed_date < cast('{{ min_date }}' as date) then 'before_1985'
            when parsed_date > cast('{{ max_date }}' as date) then 'after_reference_date'
        end)[1]
    end)[1]
{%- endmacro %}


{% macro clean_date(expr, min_date='1985-01-01', max_date=none) -%}
    {#- The recorded date when usable (date_issue is null), else null. -#}
    {{ return(adapter.dispatch('clean_date', 'soscare')(expr, min_date, max_date or var('reference_date'))) }}
{%- endmacro %}

{% macro default__clean_date(expr, min_date, max_date) -%}
    case
        when {{ soscare.date_issue(expr, min_date, max_date) }} is null
            then {{ soscare.parse_date(soscare.clean_text(expr)) }}
    end
{%- endmacro %}

{% macro duckdb__clean_date(expr, min_date, max_date) -%}
    {#- As the default (a usable date: date-shaped, parsed, not the placeholder, in range), each value computed once. -#}
    list_transform([{{ soscare.clean_text(expr) }}], lambda date_text: case
        when {{ soscare.is_date_shaped('date_text') }}
            then list_transform([{{ soscare.parse_date('date_text') }}], lambda parsed_date: case
                when parsed_date <> cast('1900-01-01' as date)
                    and parsed_date >= cast('{{ min_date }}' as date)
                    and parsed_date <= cast('{{ max_date }}' as date)
                    then parsed_date
            end)[1]
    end)[1]
{%- endmacro %}


{% macro date_dictionary(relation, columns, min_date='1985-01-01', max_date=none) -%}
    {#-
        A select of one row per distinct raw text in any of the date `columns`
        of `relation` (null included): `date_text`, `date_value` (clean_date)
        and `date_issue` (date_issue). Each text is parsed once however many
        rows hold it; `join_date_dictionary` and `date_columns` read it back.
    -#}
    select
        date_text,
        {{ soscare.clean_date('date_text', min_date, max_date) }} as date_value,
        {{ soscare.date_issue('date_text', min_date, max_date) }} as date_issue
    from (
        select distinct date_text
        from (
            {%- for column in columns %}
            select {{ column }} as date_text from {{ relation }}
            {%- if not loop.last %}
            union all
            {%- endif %}
            {%- endfor %}
        ) as recorded_texts
    ) as date_texts
{%- endmacro %}


{% macro join_date_dictionary(column, dictionary='date_dictionary', from_relation='deduplicated') -%}
    {#- Joins the date dictionary row of a raw date column, as `<column>_lookup` (nulls match the null text). -#}
    left join {{ dictionary }} as {{ column }}_lookup
        on {{ from_relation }}.{{ column }} is not distinct from {{ column }}_lookup.date_text
{%- endmacro %}


{% macro date_columns(column) -%}
    {#- The pair `<column>` (date or null) and `<column>_issue` for a raw date column, from its joined dictionary row. -#}
    {{ column }}_lookup.date_value as {{ column }},
    {{ column }}_lookup.date_issue as {{ column }}_issue
{%- endmacro %}


{% macro financial_year_ending(date_expr) -%}
    {#- The year of the 31 March that ends the financial year holding the date (2014-04-01..2015-03-31 -> 2015). -#}
    (cast(extract(year from {{ date_expr }}) as integer)
        + case when extract(month from {{ date_expr }}) >= 4 then 1 else 0 end)
{%- endmacro %}
