{#-
    Identity resolution: every record is given the child (component) it belongs
    to, by the contract's rule. See the doc block `identity_rule` for why the
    anchor below equals the connected components of the linkage graph.
-#}
{#- A view: the rule is a join to the small soscare_id profile and two case
    expressions, cheaper to compute where a record is read than to write and read
    back 4.7M rows (scale 1). Models reading one module's records compute the same
    columns on that module with the `record_*` macros instead of joining this view
    on record_id. -#}
{{ config(materialized="view") }}
with

records as (

    select * from {{ ref('int_records_unioned') }}

),

soscare_ids as (

    select * from {{ ref('int_soscare_ids_profiled') }}

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
        coalesce(soscare_ids.is_conflicted, false) as is_conflicted_soscare_id,
        {{ record_link_rule('records', 'soscare_ids') }} as link_rule,
        {{ record_anchor_id('records', 'soscare_ids') }} as anchor_id
    from records
    left join soscare_ids
        on records.soscare_id = soscare_ids.soscare_id

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
