{% macro sdc_suppress_all_counts(relation, count_columns, key_columns, group_columns=none, is_total=none, cte_name='protected') %}
    {#-
        `sdc_suppress_counts` applied to each of `count_columns` in turn, as a
        chain of CTEs (`<cte_name>_1`, `<cte_name>_2`, ..., then `cte_name`),
        so a published model protects all its counts with one call placed
        among its CTEs. `cte_name` holds every column of `relation` plus one
        `<count_column>_suppression` per count column.
    -#}
    {%- set chain = namespace(relation=relation) -%}
    {%- for count_column in count_columns -%}
        {%- set step_name = cte_name if loop.last else cte_name ~ '_' ~ loop.index -%}
        {{ step_name }} as (
            {{ sdc_suppress_counts(chain.relation, count_column, key_columns, group_columns, is_total) }}
        ){{ ',' if not loop.last }}
        {% set chain.relation = step_name -%}
    {%- endfor -%}
{% endmacro %}


{% macro sdc_suppression_flags(count_columns) %}
    {#- The `<count_column>_suppression` flag names of `count_columns`, for `sdc_mask` and `sdc_row_status`. -#}
    {%- set flags = [] -%}
    {%- for count_column in count_columns -%}
        {%- do flags.append(count_column ~ '_suppression') -%}
    {%- endfor -%}
    {{ return(flags) }}
{% endmacro %}
