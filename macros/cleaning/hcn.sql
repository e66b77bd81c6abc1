{% macro normalise_hcn(expr) -%}
    {#- The HCN with surrounding blanks, inner spaces and hyphens removed; null when blank. Not validated. -#}
    nullif({{ dbt.replace(dbt.replace('trim(' ~ expr ~ ')', "' '", "''"), "'-'", "''") }}, '')
{%- endmacro %}


{% macro hcn_issue(hcn) -%}
    {#-
        Why a normalised HCN (the output of `normalise_hcn`) is not valid, or
        null when it is. Checked in order: missing, placeholder (0000000000 /
        9999999999), not_numeric, wrong_length (not 10 digits), out_of_range
        (first nine digits outside 320000001..399999999), check_digit (modulus
        11, weights 10..2; a computed check of 10 is never valid). Callers
        normalise once and pass the result, so the checks below never repeat
        the normalisation (a filter on the repeated expression cost 9 us per
        value at scale 1; a projection of it, 0.4 us).
    -#}
    {{ return(adapter.dispatch('hcn_issue', 'soscare')(hcn)) }}
{%- endmacro %}

{% macro default__hcn_issue(hcn) -%}
    {#- Portable implementation: each digit cut out with substring and cast with dbt.safe_cast. -#}
    {%- set int_type = api.Column.translate_type('integer') -%}
    case
        when {{ hcn }} is null then 'missing'
        when {{ hcn }} in ('0000000000', '9999999999') then 'placeholder'
        when not {{ soscare.is_digits(hcn) }} then 'not_numeric'
        when length({{ hcn }}) <> 10 then 'wrong_length'
        when {{ dbt.safe_cast('substring(' ~ hcn ~ ', 1, 9)', api.Column.translate_type('bigint')) }}
            not between 320000001 and 399999999 then 'out_of_range'
        when mod(11 - mod(
            {%- for position in range(1, 10) %}
            {{ 11 - position }} * {{ dbt.safe_cast('substring(' ~ hcn ~ ', ' ~ position ~ ', 1)', int_type) }}
            {%- if not loop.last %} +{% endif %}
            {%- endfor %}
            , 11), 11) <> {{ dbt.safe_cast('substring(' ~ hcn ~ ', 10, 1)', int_type) }} then 'check_digit'
    end
{%- endmacro %}

{% macro duckdb__hcn_issue(hcn) -%}
    {#-
        As the default, but once the HCN is known to be ten digits it is cast to
        a bigint once, and the range and check-digit tests use integer
        arithmetic on that number instead of ten substring casts.
    -#}
    {%- set number = 'cast(' ~ hcn ~ ' as bigint)' -%}
    case
        when {{ hcn }} is null then 'missing'
        when {{ hcn }} in ('0000000000', '9999999999') then 'placeholder'
        when not {{ soscare.is_digits(hcn) }} then 'not_numeric'
        when length({{ hcn }}) <> 10 then 'wrong_length'
        when {{ number }} // 10 not between 320000001 and 399999999 then 'out_of_range'
        when (11 - (
            {%- for position in range(1, 10) %}
            {{ 11 - position }} * (({{ number }} // {{ 10 ** (10 - position) }}) % 10)
            {%- if not loop.last %} +{% endif %}
            {%- endfor %}
            ) % 11) % 11 <> {{ number }} % 10 then 'check_digit'
    end
{%- endmacro %}


{% macro hcn_dictionary(relation, column='hcn') -%}
    {#-
        A select of one row per distinct raw HCN in `column` of `relation`
        (null included): `hcn_text`, `hcn_value` (valid_hcn) and `hcn_issue`
        (hcn_issue). Each text is checked once however many rows hold it;
        `join_hcn_dictionary` and `hcn_columns` read it back.
    -#}
    select
        hcn_text,
        case when hcn_issue is null then hcn_normalised end as hcn_value,
        hcn_issue
    from (
        select
            hcn_text,
            hcn_normalised,
            {{ soscare.hcn_issue('hcn_normalised') }} as hcn_issue
        from (
            select
                hcn_text,
                {{ soscare.normalise_hcn('hcn_text') }} as hcn_normalised
            from (select distinct {{ column }} as hcn_text from {{ relation }}) as hcn_texts
        ) as normalised
    ) as checked
{%- endmacro %}


{% macro join_hcn_dictionary(column='hcn', name='hcn', dictionary='hcn_dictionary', from_relation='deduplicated') -%}
    {#- Joins the HCN dictionary row of a raw HCN column, as `<name>_lookup` (nulls match the null text). -#}
    left join {{ dictionary }} as {{ name }}_lookup
        on {{ from_relation }}.{{ column }} is not distinct from {{ name }}_lookup.hcn_text
{%- endmacro %}


{% macro hcn_columns(name='hcn') -%}
    {#- The pair `<name>` (valid normalised HCN or null) and `<name>_issue`, from the joined HCN dictionary row. -#}
    {{ name }}_lookup.hcn_value as {{ name }},
    {{ name }}_lookup.hcn_issue as {{ name }}_issue
{%- endmacro %}
