{% test valid_code_list(model) %}
{#-
    The contract of a code-list seed, checked in one pass: every code present
    and listed once; every row with a canonical code that is a current
    (non-legacy) code of the same list, a label and an is_legacy flag. Returns
    one row per problem, naming the code and the rule it breaks.
-#}
with

listed as (
    select * from {{ model }}
),

current_codes as (
    select code from listed where not is_legacy
),

problems as (
    select
        code,
        'code is blank' as problem
    from listed
    where code is null

    union all

    select
        code,
        'code is listed ' || cast(count(*) as varchar) || ' times' as problem
    from listed
    where code is not null
    group by code
    having count(*) > 1

    union all

    select
        listed.code,
        case
            when listed.canonical_code is null then 'canonical_code is blank'
            else 'canonical_code ' || listed.canonical_code || ' is not a current code of this list'
        end as problem
    from listed
    left join current_codes
        on listed.canonical_code = current_codes.code
    where current_codes.code is null

    union all

    select
        code,
        'label is blank' as problem
    from listed
    where label is null

    union all

    select
        code,
        'is_legacy is blank' as problem
    from listed
    where is_legacy is null
),

final as (
    select * from problems
)

select * from final
{% endtest %}
