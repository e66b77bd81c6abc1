{% test canonical_code_is_current(model, column_name) %}
{#- For a code-list seed: fails on each row whose canonical code is not a non-legacy code of the same list. -#}
select listed.code, listed.{{ column_name }}
from {{ model }} as listed
where not exists (
    select 1
    from {{ model }} as current_code
    where current_code.code = listed.{{ column_name }}
        and not current_code.is_legacy
)
{% endtest %}
