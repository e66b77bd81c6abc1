{#-
    One row per child with contact: pseudonymised key, birth month and year,
    sex, first date of each stage (nested), furthest stage, counts, days looked
    after, the child's area deprivation and whether a Trust's absence from
    SOSCARE may hide part of the pathway.
-#}
with

children as (

    select * from {{ ref('int_children_identified') }}

),

stages as (

    select * from {{ ref('int_child_stages_summarised') }}

),

coverage as (

    select * from {{ ref('int_trust_coverage_by_year') }}

),

trust_exits as (

    select
        trust,
        min(left_soscare_year_ending) as left_soscare_year_ending
    from coverage
    group by trust

),

uncovered_childhood_years as (

    select
        children.child_key,
        count(*) as n_uncovered_years
    from children
    inner join coverage
        on
            children.area_trust = coverage.trust
            and coverage.year_ending between children.birth_year and children.birth_year + 18
    where not coverage.is_covered
    group by children.child_key

),

final as (

    select
        children.child_key,
        children.birth_year,
        children.birth_month,
        children.sex,
        stages.first_referral_date,
        stages.first_cin_date,
        stages.first_cp_investigation_date,
        stages.first_cp_registration_date,
        stages.first_lac_date,
        stages.furthest_stage,
        stages.n_referrals,
        stages.n_cp_registrations,
        stages.n_lac_spells,
        stages.days_looked_after,
        stages.n_cin_episodes,
        stages.n_cp_investigations,
        stages.n_lac_episodes,
        children.deprivation_decile,
        children.deprivation_quintile,
        children.area_trust,
        trust_exits.left_soscare_year_ending as area_trust_left_soscare_year_ending,
        case
            when children.area_trust is null or children.birth_year is null then null
            else coalesce(uncovered_childhood_years.n_uncovered_years, 0) > 0
        end as is_affected_by_trust_absence
    from children
    inner join stages
        on children.child_key = stages.child_key
    left join trust_exits
        on children.area_trust = trust_exits.trust
    left join uncovered_childhood_years
        on children.child_key = uncovered_childhood_years.child_key

)

select * from final
