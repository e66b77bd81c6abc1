{% macro soscare_code_list_problems(listed) -%}
    {#-
        SQL: the problems of code lists, one row per problem (code_list, code,
        problem). `listed` is a relation (or CTE) with the rows of one or more
        code-list seeds: code_list (the seed's name), code, canonical_code,
        label and is_legacy. The contract of a code list, each list checked on
        its own: every code present and listed once; every row with a
        canonical code that is a current (non-legacy) code of the same list, a
        label and an is_legacy flag.
    -#}
select
    listed.code_list,
    listed.code,
    'code is blank' as problem
from {{ listed }} as listed
where listed.code is null

union all

select
    listed.code_list,
    listed.code,
    'code is listed ' || cast(count(*) as varchar) || ' times' as problem
from {{ listed }} as listed
where listed.code is not null
group by listed.code_list, listed.code
having count(*) > 1

union all

select
    listed.code_list,
    listed.code,
    case
        when listed.canonical_code is null then 'canonical_code is blank'
        else 'canonical_code ' || listed.canonical_code || ' is not a current code of this list'
    end as problem
from {{ listed }} as listed
left join {{ listed }} as current_codes
    on
        listed.code_list = current_codes.code_list
        and listed.canonical_code = current_codes.code
        and not current_codes.is_legacy
where current_codes.code is null

union all

select
    listed.code_list,
    listed.code,
    'label is blank' as problem
from {{ listed }} as listed
where listed.label is null

union all

select
    listed.code_list,
    listed.code,
    'is_legacy is blank' as problem
from {{ listed }} as listed
where listed.is_legacy is null
{%- endmacro %}
