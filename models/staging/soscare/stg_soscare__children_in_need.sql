with

source as (
    select * from {{ source('soscare', 'children_in_need') }}
),

code_trust as (
    select * from {{ ref('code_trust') }}
),

code_assessment_outcome as (
    select * from {{ ref('code_assessment_outcome') }}
),

deduplicated as (
    {{ fold_duplicate_lines('source', [
        'hcn',
        'soscare_id',
        'team',
        'trust',
        'seq_no',
        'referral_date',
        'initial_assessment_date',
        'assessment_outcome'
    ]) }}
),

hcn_dictionary as (
    {{ hcn_dictionary('deduplicated', 'hcn') }}
),

date_dictionary as (
    {{ date_dictionary('deduplicated', [
        'referral_date',
        'initial_assessment_date'
    ]) }}
),

cleaned as (
    select
        {{ record_columns('children_in_need') }},
        {{ hcn_columns() }},
        {{ clean_text('soscare_id') }} as soscare_id,
        {{ clean_upper('team') }} as team,
        {{ code_columns('trust') }},
        {{ integer_columns('seq_no') }},
        {{ date_columns('referral_date') }},
        {{ date_columns('initial_assessment_date') }},
        {{ code_columns('assessment_outcome') }}
    from deduplicated
    {{ join_hcn_dictionary('hcn') }}
    {{ join_code_list('trust', 'code_trust') }}
    {{ join_date_dictionary('referral_date') }}
    {{ join_date_dictionary('initial_assessment_date') }}
    {{ join_code_list('assessment_outcome', 'code_assessment_outcome') }}
),

final as (
    select
        *,
        coalesce(initial_assessment_date, referral_date) as record_date
    from cleaned
)

select * from final
