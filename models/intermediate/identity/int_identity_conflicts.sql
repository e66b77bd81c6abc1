{#-
    One row per soscare_id seen with two or more different valid HCNs: the
    identity conflicts the data quality mart counts.
-#}
with

linked as (

    select * from {{ ref('int_records_linked') }}

),

conflicted_records as (

    select *
    from linked
    where is_conflicted_soscare_id

),

summarised as (

    select
        soscare_id,
        count(distinct hcn) as n_valid_hcns,
        count(*) as n_records,
        count(hcn) as n_records_with_hcn,
        count(*) - count(hcn) as n_records_without_hcn,
        count(distinct module) as n_modules,
        count(distinct trust) as n_trusts,
        min(record_date) as first_record_date,
        max(record_date) as last_record_date,
        max(case when hcn is null then anchor_id end) as own_anchor_id
    from conflicted_records
    group by soscare_id

),

final as (

    select
        soscare_id,
        n_valid_hcns,
        n_records,
        n_records_with_hcn,
        n_records_without_hcn,
        n_modules,
        n_trusts,
        first_record_date,
        last_record_date,
        {{ child_pseudonym('own_anchor_id') }} as own_child_key
    from summarised

)

select * from final
