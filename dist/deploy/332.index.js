export const id = 332;
export const ids = [332];
export const modules = {

/***/ 8332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ADMIN_PASSWORD_VARIABLE: () => (/* reexport safe */ _store_names_js__WEBPACK_IMPORTED_MODULE_1__.DH),
/* harmony export */   SsmPasswordStore: () => (/* binding */ SsmPasswordStore),
/* harmony export */   createSsmClient: () => (/* binding */ createSsmClient),
/* harmony export */   newPassword: () => (/* binding */ newPassword),
/* harmony export */   passwordName: () => (/* reexport safe */ _store_names_js__WEBPACK_IMPORTED_MODULE_1__.fI),
/* harmony export */   passwordPrefix: () => (/* reexport safe */ _store_names_js__WEBPACK_IMPORTED_MODULE_1__.cF)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4736);
/* harmony import */ var _store_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9697);
// Admin passwords of the environments, as SSM SecureString parameters. ECS hands the value to the container through
// the task definition's `secrets` (the execution role reads it), so it is never in a label, a comment, a log line,
// the task definition or the job summary; maintainers read it with their own AWS access.




const NAME_TAIL = /^pr-(\d+)\/([0-9a-f]{7})$/;
/** 24 random bytes: 32 URL-safe characters, nothing a shell or a form field would trip over. */
function newPassword() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(24).toString('base64url');
}
class SsmPasswordStore {
    client;
    repo;
    generate;
    constructor(client, repo, generate = newPassword) {
        this.client = client;
        this.repo = repo;
        this.generate = generate;
    }
    name(pr, sha7) {
        return (0,_store_names_js__WEBPACK_IMPORTED_MODULE_1__/* .passwordName */ .fI)(this.repo, pr, sha7);
    }
    async create(pr, sha7) {
        const name = (0,_store_names_js__WEBPACK_IMPORTED_MODULE_1__/* .passwordName */ .fI)(this.repo, pr, sha7);
        // Overwrite: a redeploy of the same SHA gets a fresh password; the old task stops with the old service.
        await this.client.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .PutParameterCommand */ .ihh({
            Name: name,
            Value: this.generate(),
            Type: 'SecureString',
            Overwrite: true,
            Description: `superset-showtime admin password of PR #${pr} at ${sha7}`,
        }));
        return name;
    }
    async delete(pr, sha7) {
        try {
            await this.client.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .DeleteParameterCommand */ .Obs({ Name: (0,_store_names_js__WEBPACK_IMPORTED_MODULE_1__/* .passwordName */ .fI)(this.repo, pr, sha7) }));
            return 'deleted';
        }
        catch (error) {
            const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
            if (name === 'ParameterNotFound')
                return 'already-gone';
            throw error;
        }
    }
    async list() {
        const prefix = (0,_store_names_js__WEBPACK_IMPORTED_MODULE_1__/* .passwordPrefix */ .cF)(this.repo);
        const found = [];
        let nextToken;
        do {
            // Metadata only. GetParametersByPath would do, but with it any role could decrypt: the aws/ssm key lets every
            // principal of the account that may call SSM decrypt through SSM. The cleanup role must read no password.
            const page = await this.client.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .DescribeParametersCommand */ .$hz({
                ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: [prefix.slice(0, -1)] }],
                MaxResults: 50,
                NextToken: nextToken,
            }));
            for (const parameter of page.Parameters ?? []) {
                const match = NAME_TAIL.exec((parameter.Name ?? '').slice(prefix.length));
                if (!parameter.Name?.startsWith(prefix) || !match?.[1] || !match[2])
                    continue;
                found.push({
                    name: parameter.Name,
                    pr: Number(match[1]),
                    sha7: match[2],
                    modifiedAt: parameter.LastModifiedDate,
                });
            }
            nextToken = page.NextToken;
        } while (nextToken);
        return found;
    }
}
function createSsmClient(settings) {
    return new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .SSMClient */ .jBj({
        region: settings.region,
        maxAttempts: 5,
        ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
    });
}


/***/ })

};
