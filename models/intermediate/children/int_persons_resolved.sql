{#-
    One row per person (linked component, including adults and client-only
    people): birth month and year, sex and area resolved across the person's
    client records by the rules in the doc blocks `birth_resolution`,
    `sex_resolution` and `area_resolution`.
-#}
with

linked as (

    select * from {{ ref('int_records_linked') }}

),

clients as (

    select * from {{ ref('stg_soscare__client') }}

),

postcode_soa as (

    select * from {{ ref('stg_soscare__postcode_soa') }}

),

soa_deprivation as (

    select * from {{ ref('stg_soscare__soa_deprivation') }}

),

soscare_ids as (

    select * from {{ ref('int_soscare_ids_profiled') }}

),

person_modules as (

    -- one row per person, module and anchor, so that the person's modules
    -- are counted below over these rows rather than over every record. A
    -- person's records share one anchor (the source of its child_key), so
    -- the anchor adds no rows, but it shows two anchors on one child_id (a
    -- hash collision) below; grouping by it costs a quarter less than taking
    -- the least and greatest anchor over 4.7M records at scale 1
    select
        child_id,
        module,
        anchor_id,
        count(*) as n_records,
        min(record_date) as first_record_date,
        max(record_date) as last_record_date
    from linked
    group by child_id, module, anchor_id

),

persons as (

    select
        child_id,
        min(anchor_id) as anchor_id,
        max(anchor_id) as max_anchor_id,
        cast(sum(n_records) as {{ dbt.type_bigint() }}) as n_records,
        count(distinct module) as n_modules,
        sum(case when module = 'client' then n_records else 0 end) as n_client_records,
        min(first_record_date) as first_record_date,
        max(last_record_date) as last_record_date
    from person_modules
    group by child_id

),

client_records as (

    -- the child of each client record, by the rule of int_records_linked
    select
        {{ record_child_id('clients', 'soscare_ids') }} as child_id,
        clients.record_id,
        clients.line_no,
        clients.seq_no,
        clients.birth_year,
        clients.birth_month,
        clients.gender,
        clients.postcode
    from clients
    left join soscare_ids
        on clients.soscare_id = soscare_ids.soscare_id

),

birth_year_votes as (

    select
        child_id,
        birth_year,
        count(*) as n_votes,
        max(seq_no) as max_seq_no,
        max(line_no) as max_line_no
    from client_records
    where birth_year is not null
    group by child_id, birth_year

),

birth_year_ranked as (

    select
        child_id,
        birth_year,
        row_number() over (
            partition by child_id
            order by n_votes desc, max_seq_no desc nulls last, max_line_no desc
        ) as vote_rank
    from birth_year_votes

),

birth_year_chosen as (

    select
        child_id,
        birth_year
    from birth_year_ranked
    where vote_rank = 1

),

birth_month_votes as (

    select
        client_records.child_id,
        client_records.birth_month,
        count(*) as n_votes,
        max(client_records.seq_no) as max_seq_no,
        max(client_records.line_no) as max_line_no
    from client_records
    inner join birth_year_chosen
        on
            client_records.child_id = birth_year_chosen.child_id
            and client_records.birth_year = birth_year_chosen.birth_year
    where client_records.birth_month is not null
    group by client_records.child_id, client_records.birth_month

),

birth_month_ranked as (

    select
        child_id,
        birth_month,
        row_number() over (
            partition by child_id
            order by n_votes desc, max_seq_no desc nulls last, max_line_no desc
        ) as vote_rank
    from birth_month_votes

),

sex_votes as (

    select
        child_id,
        gender as sex,
        count(*) as n_votes,
        max(seq_no) as max_seq_no,
        max(line_no) as max_line_no
    from client_records
    where gender in ('M', 'F')
    group by child_id, gender

),

sex_ranked as (

    select
        child_id,
        sex,
        row_number() over (
            partition by child_id
            order by n_votes desc, max_seq_no desc nulls last, max_line_no desc
        ) as vote_rank
    from sex_votes

),

area_candidates as (

    select
        client_records.child_id,
        postcode_soa.soa_code,
        row_number() over (
            partition by client_records.child_id
            order by client_records.seq_no desc nulls last, client_records.line_no desc
        ) as recency_rank
    from client_records
    inner join postcode_soa
        on client_records.postcode = postcode_soa.postcode

),

area_chosen as (

    select
        area_candidates.child_id,
        area_candidates.soa_code,
        soa_deprivation.trust as area_trust,
        soa_deprivation.deprivation_decile,
        soa_deprivation.deprivation_quintile
    from area_candidates
    left join soa_deprivation
        on area_candidates.soa_code = soa_deprivation.soa_code
    where area_candidates.recency_rank = 1

),

final as (

    select
        {{ child_pseudonym('persons.anchor_id') }} as child_key,
        persons.child_id,
        birth_year_chosen.birth_year,
        birth_month_ranked.birth_month,
        area_chosen.soa_code,
        area_chosen.area_trust,
        area_chosen.deprivation_decile,
        area_chosen.deprivation_quintile,
        persons.n_records,
        persons.n_modules,
        persons.n_client_records,
        persons.first_record_date,
        persons.last_record_date,
        coalesce(sex_ranked.sex, 'U') as sex,
        persons.anchor_id != persons.max_anchor_id as has_anchor_collision
    from persons
    left join birth_year_chosen
        on persons.child_id = birth_year_chosen.child_id
    left join birth_month_ranked
        on
            persons.child_id = birth_month_ranked.child_id
            and birth_month_ranked.vote_rank = 1
    left join sex_ranked
        on
            persons.child_id = sex_ranked.child_id
            and sex_ranked.vote_rank = 1
    left join area_chosen
        on persons.child_id = area_chosen.child_id

)

select * from final
