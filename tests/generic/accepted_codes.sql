{% test accepted_codes(model, column_name, code_list) %}
{#-
    Fails on each value that is neither null, `UNKNOWN`, nor a current
    (non-legacy) code of the code-list seed named `code_list`.
-#}
select {{ column_name }}
from {{ model }}
where {{ column_name }} is not null
    and {{ column_name }} <> 'UNKNOWN'
    and {{ column_name }} not in (
        select code from {{ ref(code_list) }} where not is_legacy
    )
{% endtest %}
