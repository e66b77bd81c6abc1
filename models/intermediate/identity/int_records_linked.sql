{#-
    Identity resolution: every record is given the child (component) it belongs
    to, by the contract's rule. See the doc block `identity_rule` for why the
    anchor below equals the connected components of the linkage graph.
-#}
with

records as (

    select * from {{ ref('int_records_unioned') }}

),

soscare_id_profiles as (

    -- how many distinct valid HCNs a soscare_id carries, told by its least and
    -- greatest HCN (none: both null; one: equal; two or more: they differ),
    -- which needs no distinct aggregate over every record. It reads the
    -- records apart from `records`: a CTE read twice is materialised in full
    -- first, while this read scans just the two columns (1.0 s of CPU less at
    -- scale 1)
    select
        soscare_id,
        min(hcn) as min_hcn,
        max(hcn) as max_hcn
    from {{ ref('int_records_unioned') }}
    where soscare_id is not null
    group by soscare_id

),

anchored as (

    select
        records.record_id,
        records.module,
        records.hcn,
        records.soscare_id,
        records.trust,
        records.seq_no,
        records.record_date,
        records.has_identifier,
        coalesce(soscare_id_profiles.min_hcn < soscare_id_profiles.max_hcn, false) as is_conflicted_soscare_id,
        case
            when records.hcn is not null then 'hcn'
            when records.soscare_id is null then 'no_identifier'
            when soscare_id_profiles.min_hcn = soscare_id_profiles.max_hcn then 'soscare_id_to_hcn'
            when soscare_id_profiles.min_hcn is null then 'soscare_id_only'
            else 'conflicted_soscare_id'
        end as link_rule,
        case
            when records.hcn is not null then 'hcn:' || records.hcn
            when records.soscare_id is null then 'record:' || records.record_id
            when soscare_id_profiles.min_hcn = soscare_id_profiles.max_hcn then 'hcn:' || soscare_id_profiles.min_hcn
            else 'soscare_id:' || records.soscare_id
        end as anchor_id
    from records
    left join soscare_id_profiles
        on records.soscare_id = soscare_id_profiles.soscare_id

),

final as (

    select
        record_id,
        module,
        hcn,
        soscare_id,
        trust,
        seq_no,
        record_date,
        has_identifier,
        is_conflicted_soscare_id,
        link_rule,
        anchor_id,
        {{ child_id('anchor_id') }} as child_id
    from anchored

)

select * from final
