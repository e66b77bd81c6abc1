{% macro soscare_issue_reasons(kind) %}
    {#-
        The values an `_issue` column of a staging model may hold, by the kind of
        cleaned column: `date` (in the order `date_issue` checks them), `integer`
        or `hcn`. The one list the data-quality counts and the staging tests read.
    -#}
    {%- set reasons = {
        'date': ['missing', 'placeholder', 'unparseable', 'impossible', 'before_1985', 'after_reference_date'],
        'integer': ['missing', 'not_an_integer', 'out_of_range'],
        'hcn': ['missing', 'placeholder', 'wrong_length', 'not_numeric', 'out_of_range', 'check_digit'],
    } -%}
    {%- if kind not in reasons -%}
        {{ exceptions.raise_compiler_error("soscare_issue_reasons: unknown kind '" ~ kind ~ "' (date, integer or hcn).") }}
    {%- endif -%}
    {{ return(reasons[kind]) }}
{% endmacro %}
