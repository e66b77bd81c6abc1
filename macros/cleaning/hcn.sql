{% macro normalise_hcn(expr) -%}
    {#- The HCN with surrounding blanks, inner spaces and hyphens removed; null when blank. Not validated. -#}
    nullif({{ dbt.replace(dbt.replace('trim(' ~ expr ~ ')', "' '", "''"), "'-'", "''") }}, '')
{%- endmacro %}


{% macro hcn_issue(expr) -%}
    {#-
        Why a recorded HCN is not valid, or null when it is. Checked in order:
        missing, placeholder (0000000000 / 9999999999), not_numeric,
        wrong_length (not 10 digits), out_of_range (first nine digits outside
        320000001..399999999), check_digit (modulus 11, weights 10..2; a
        computed check of 10 is never valid).
    -#}
    {%- set hcn = soscare.normalise_hcn(expr) -%}
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


{% macro valid_hcn(expr) -%}
    {#- The normalised HCN when valid (see hcn_issue), else null. -#}
    case when {{ soscare.hcn_issue(expr) }} is null then {{ soscare.normalise_hcn(expr) }} end
{%- endmacro %}


{% macro hcn_columns(column, name='hcn') -%}
    {#- The pair `<name>` (valid normalised HCN or null) and `<name>_issue` for a raw HCN column. -#}
    {{ soscare.valid_hcn(column) }} as {{ name }},
    {{ soscare.hcn_issue(column) }} as {{ name }}_issue
{%- endmacro %}
