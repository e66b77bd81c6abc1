{#-
    Mid-year child population estimates summed to year x Trust x deprivation
    decile x sex x age (the Trust and decile of each SOA), the denominators of
    the research marts.
-#}
with

population as (

    select * from {{ ref('stg_soscare__population') }}

),

soa_deprivation as (

    select * from {{ ref('stg_soscare__soa_deprivation') }}

),

joined as (

    select
        population.year,
        soa_deprivation.trust,
        soa_deprivation.deprivation_decile,
        population.sex,
        population.age,
        population.population
    from population
    left join soa_deprivation
        on population.soa_code = soa_deprivation.soa_code

),

summarised as (

    select
        year,
        trust,
        deprivation_decile,
        sex,
        age,
        sum(population) as population,
        count(*) as n_soa_rows
    from joined
    group by year, trust, deprivation_decile, sex, age

),

final as (

    select
        year,
        trust,
        deprivation_decile,
        sex,
        age,
        population,
        n_soa_rows
    from summarised

)

select * from final
