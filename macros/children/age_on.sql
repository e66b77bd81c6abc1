{#-
    The project's single age convention (doc block `age_convention`): only the
    month and year of birth are recorded, so a child is taken to be born on the
    1st day of the birth month (1 July of the birth year when the month is
    unknown). Ages are completed years from that date. Every model that needs
    an age or a birthday calls these macros.
-#}

{% macro assumed_birth_date(birth_year, birth_month) -%}
    {{ return(adapter.dispatch('assumed_birth_date', 'soscare')(birth_year, birth_month)) }}
{%- endmacro %}

{% macro default__assumed_birth_date(birth_year, birth_month) -%}
    {{ dbt.dateadd(
        'month',
        '(coalesce(' ~ birth_month ~ ', 7) - 1)',
        "cast(cast(" ~ birth_year ~ " as " ~ dbt.type_string() ~ ") || '-01-01' as date)"
    ) }}
{%- endmacro %}

{% macro duckdb__assumed_birth_date(birth_year, birth_month) -%}
    make_date(cast({{ birth_year }} as integer), cast(coalesce({{ birth_month }}, 7) as integer), 1)
{%- endmacro %}


{% macro age_on(birth_year, birth_month, on_date) -%}
    {#- Completed years of age on `on_date`; null when the birth year or the date is unknown.
        Negative before the assumed birth date (e.g. an unborn child's referral). -#}
    (
        extract(year from {{ on_date }}) - {{ birth_year }}
        - case
            when extract(month from {{ on_date }}) < coalesce({{ birth_month }}, 7) then 1
            else 0
        end
    )
{%- endmacro %}


{% macro birthday(birth_year, birth_month, age) -%}
    {#- The date of the `age`th birthday under the convention (the day the child turns `age`). -#}
    {{ dbt.dateadd('year', age, assumed_birth_date(birth_year, birth_month)) }}
{%- endmacro %}
