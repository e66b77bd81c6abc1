{#-
    One row per referral record: the person it belongs to, their age on the
    referral date under the project's age convention, and whether it is an
    adult's referral (aged 18 or over), kept out of children's referrals.
-#}
with

referrals as (

    select * from {{ ref('stg_soscare__referrals') }}

),

soscare_ids as (

    select * from {{ ref('int_soscare_ids_profiled') }}

),

persons as (

    select * from {{ ref('int_persons_resolved') }}

),

referrals_linked as (

    -- the child of each referral, by the rule of int_records_linked
    select
        referrals.record_id,
        {{ record_child_id('referrals', 'soscare_ids') }} as child_id,
        referrals.referral_date,
        referrals.trust,
        referrals.team,
        referrals.seq_no
    from referrals
    left join soscare_ids
        on referrals.soscare_id = soscare_ids.soscare_id

),

joined as (

    select
        referrals_linked.record_id,
        referrals_linked.child_id,
        referrals_linked.referral_date,
        referrals_linked.trust,
        referrals_linked.team,
        referrals_linked.seq_no,
        persons.birth_year,
        persons.birth_month,
        {{ age_on('persons.birth_year', 'persons.birth_month', 'referrals_linked.referral_date') }} as age_at_referral
    from referrals_linked
    left join persons
        on referrals_linked.child_id = persons.child_id

),

final as (

    select
        record_id,
        child_id,
        referral_date,
        trust,
        team,
        seq_no,
        age_at_referral,
        coalesce(age_at_referral >= 18, false) as is_adult,
        age_at_referral is null as is_age_unknown,
        {{ financial_year_ending('referral_date') }} as year_ending
    from joined

)

select * from final
