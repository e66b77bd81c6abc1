with

source as (
    select * from {{ source('soscare', 'client') }}
),

code_trust as (
    select * from {{ ref('code_trust') }}
),

code_gender as (
    select * from {{ ref('code_gender') }}
),

code_religion as (
    select * from {{ ref('code_religion') }}
),

code_ethnicity as (
    select * from {{ ref('code_ethnicity') }}
),

code_country_of_birth as (
    select * from {{ ref('code_country_of_birth') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'team',
        'trust',
        'seq_no',
        'birth_month',
        'birth_year',
        'postcode',
        'gender',
        'religion',
        'ethnicity',
        'country_of_birth'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

cleaned as (
    select
        {{ record_columns('client') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ clean_upper('team') }} as team,
        {{ code_columns('trust') }},
        {{ integer_columns('seq_no') }},
        {{ integer_columns('birth_month', 1, 12) }},
        {{ integer_columns('birth_year', 1900, (var('reference_date') | string)[:4] | int) }},
        {{ normalise_postcode('postcode') }} as postcode,
        {{ code_columns('gender') }},
        {{ code_columns('religion') }},
        {{ code_columns('ethnicity') }},
        {{ code_columns('country_of_birth') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_code_list('trust', 'code_trust') }}
    {{ join_code_list('gender', 'code_gender') }}
    {{ join_code_list('religion', 'code_religion') }}
    {{ join_code_list('ethnicity', 'code_ethnicity') }}
    {{ join_code_list('country_of_birth', 'code_country_of_birth') }}
),

final as (
    select
        *,
        cast(null as date) as record_date
    from cleaned
)

select * from final
