export const id = 663;
export const ids = [663];
export const modules = {

/***/ 8663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_ECR_REPOSITORY: () => (/* reexport safe */ _store_names_js__WEBPACK_IMPORTED_MODULE_0__.Q9),
/* harmony export */   EcrImageStore: () => (/* binding */ EcrImageStore),
/* harmony export */   createEcrClient: () => (/* binding */ createEcrClient),
/* harmony export */   parseEcrRepository: () => (/* reexport safe */ _store_names_js__WEBPACK_IMPORTED_MODULE_0__.iR),
/* harmony export */   resolveEcrRepositoryUri: () => (/* binding */ resolveEcrRepositoryUri)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8249);
/* harmony import */ var _store_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9697);
// The ECR adapter: the registry of PR images that the stack creates (aws/showtime-stack.yml). Teardown deletes an
// environment's tag here so that nothing accumulates; the sweep lists what a failed teardown left.



function errorName(error) {
    return typeof error === 'object' && error !== null && 'name' in error
        ? String(error.name)
        : undefined;
}
/**
 * No such image, or no such repository: either way there is nothing to delete. The latter is the default
 * repository of an account that deploys only existing images and never created it.
 */
function isAbsent(error) {
    const name = errorName(error);
    return name === 'ImageNotFoundException' || name === 'RepositoryNotFoundException';
}
function entries(detail) {
    const tags = detail.imageTags ?? [];
    return tags.map((tag) => ({ tag, digest: detail.imageDigest ?? '', tags, pushedAt: detail.imagePushedAt }));
}
class EcrImageStore {
    client;
    target;
    repository;
    constructor(client, target) {
        this.client = client;
        this.target = target;
        this.repository = (0,_store_names_js__WEBPACK_IMPORTED_MODULE_0__/* .ecrRepositoryLabel */ .lG)(target);
    }
    async findTag(tag) {
        try {
            const found = await this.client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .DescribeImagesCommand */ .ji5({
                registryId: this.target.registryId,
                repositoryName: this.target.name,
                imageIds: [{ imageTag: tag }],
            }));
            const detail = found.imageDetails?.[0];
            return detail ? entries(detail).find((entry) => entry.tag === tag) : undefined;
        }
        catch (error) {
            if (isAbsent(error))
                return undefined;
            throw error;
        }
    }
    async deleteTag(tag) {
        const answer = await this.client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .BatchDeleteImageCommand */ .wau({
            registryId: this.target.registryId,
            repositoryName: this.target.name,
            imageIds: [{ imageTag: tag }],
        }));
        if ((answer.imageIds ?? []).some((id) => id.imageTag === tag))
            return 'deleted';
        // BatchDeleteImage answers 200 and lists per-image failures instead of throwing.
        const failure = answer.failures?.[0];
        if (failure === undefined ||
            failure.failureCode === 'ImageNotFound' ||
            failure.failureCode === 'ImageTagDoesNotMatchDigest')
            return 'already-gone';
        throw new Error(`ECR refused to delete ${tag}: ${failure.failureCode ?? 'unknown'} ${failure.failureReason ?? ''}`.trim());
    }
    async listTagged() {
        const images = [];
        let nextToken;
        do {
            const page = await this.describePage(nextToken);
            if (page === undefined)
                return [];
            for (const detail of page.imageDetails ?? [])
                images.push(...entries(detail));
            nextToken = page.nextToken;
        } while (nextToken);
        return images;
    }
    async describePage(nextToken) {
        try {
            return await this.client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .DescribeImagesCommand */ .ji5({
                registryId: this.target.registryId,
                repositoryName: this.target.name,
                filter: { tagStatus: 'TAGGED' },
                maxResults: 1000,
                nextToken,
            }));
        }
        catch (error) {
            if (isAbsent(error))
                return undefined;
            throw error;
        }
    }
}
function createEcrClient(settings) {
    return new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .ECRClient */ .S70({
        region: settings.region,
        maxAttempts: 5,
        ...(settings.endpoint !== undefined ? { endpoint: settings.endpoint } : {}),
    });
}
/**
 * The URI of a repository of the credentials' account in the client's region: how an empty image-repository becomes
 * the stack's ECR repository without anyone copying an account number into a workflow.
 */
async function resolveEcrRepositoryUri(client, name) {
    try {
        const found = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .DescribeRepositoriesCommand */ .pE_({ repositoryNames: [name] }));
        const uri = found.repositories?.[0]?.repositoryUri;
        if (!uri)
            throw new Error('DescribeRepositories returned no URI');
        return uri;
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`input 'image-repository' is empty, so the PR images go to the ECR repository ${name} of the stack ` +
            `(aws/showtime-stack.yml), but it could not be found (${reason}); deploy the stack in this account and ` +
            `region, or set 'image-repository' to a repository, e.g. its ImageRepositoryUri output`);
    }
}


/***/ })

};
