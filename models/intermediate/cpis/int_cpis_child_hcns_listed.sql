{#-
    One row per valid HCN found on a child's SOSCARE records: the child it
    belongs to, how many valid HCNs that child has, and which one the child's
    CP-IS flag carries.
-#}
with

linked as (

    select * from {{ ref('int_records_linked') }}

),

hcn_children as (

    select
        hcn,
        child_key,
        count(*) as n_records
    from linked
    where hcn is not null
    group by hcn, child_key

),

final as (

    select
        hcn,
        child_key,
        n_records,
        count(*) over (partition by child_key) as child_valid_hcns,
        row_number() over (
            partition by child_key
            order by n_records desc, hcn asc
        ) = 1 as is_flag_hcn
    from hcn_children

)

select * from final
