{#-
    One row per valid HCN found on a child's SOSCARE records: the child it
    belongs to, how many valid HCNs that child has, and which one the child's
    CP-IS flag carries.
-#}
with

linked as (

    select * from {{ ref('int_records_linked') }}

),

persons as (

    select * from {{ ref('int_persons_resolved') }}

),

hcn_children as (

    select
        hcn,
        child_id,
        count(*) as n_records
    from linked
    where hcn is not null
    group by hcn, child_id

),

final as (

    select
        hcn_children.hcn,
        persons.child_key,
        hcn_children.n_records,
        count(*) over (partition by hcn_children.child_id) as child_valid_hcns,
        row_number() over (
            partition by hcn_children.child_id
            order by hcn_children.n_records desc, hcn_children.hcn asc
        ) = 1 as is_flag_hcn
    from hcn_children
    inner join persons
        on hcn_children.child_id = persons.child_id

)

select * from final
