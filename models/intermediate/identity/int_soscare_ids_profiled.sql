{#-
    One row per soscare_id on any record: the valid HCNs its records carry, as
    identity resolution needs them (none, exactly one, or two or more).
-#}
with

records as (

    select * from {{ ref('int_records_unioned') }}

),

profiled as (

    -- how many distinct valid HCNs a soscare_id carries, told by its least and
    -- greatest HCN (none: both null; one: equal; two or more: they differ),
    -- which needs no distinct aggregate over every record
    select
        soscare_id,
        min(hcn) as min_hcn,
        max(hcn) as max_hcn
    from records
    where soscare_id is not null
    group by soscare_id

),

final as (

    select
        soscare_id,
        case when min_hcn = max_hcn then min_hcn end as only_hcn,
        coalesce(min_hcn < max_hcn, false) as is_conflicted
    from profiled

)

select * from final
